// An order's status as a coloured badge.
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { type OrderStatus, orderStatusLabels } from '@/lib/commerce-schema';

const tones: Record<OrderStatus, BadgeTone> = {
  pending: 'warning',
  paid: 'positive',
  refunded: 'accent',
  cancelled: 'neutral',
  expired: 'neutral',
  failed: 'negative',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={tones[status]}>{orderStatusLabels[status]}</Badge>;
}
