// The role of an account as a badge.
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { type Role, roleLabels } from '@/lib/user-schema';

const roleTones: Record<Role, BadgeTone> = {
  reader: 'neutral',
  author: 'accent',
  admin: 'warning',
};

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={roleTones[role]}>{roleLabels[role]}</Badge>;
}
