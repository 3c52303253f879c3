// The top of the account page: who is signed in, their role and whether the email
// is verified (with a slot for the "send a new link" action).
import type { ReactNode } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { RoleBadge } from '@/components/ui/role-badge';
import type { User } from '@/lib/user-schema';

const since = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

function memberSince(createdAt: string | undefined): string | null {
  if (!createdAt) return null;
  const date = new Date(createdAt);
  return Number.isNaN(date.getTime()) ? null : `Member since ${since.format(date)}`;
}

export function AccountOverview({ user, verifyAction }: { user: User; verifyAction?: ReactNode }) {
  const joined = memberSince(user.created_at);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex items-center gap-4">
        <Avatar name={user.display_name} size="lg" />
        <div className="flex min-w-0 flex-col gap-1.5">
          <h1 className="truncate font-display text-3xl text-ink sm:text-4xl">
            {user.display_name}
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
            <span className="break-all">{user.email}</span>
            <RoleBadge role={user.role} />
            {user.email_verified ? (
              <Badge tone="positive">Verified</Badge>
            ) : (
              <Badge tone="warning">Not verified</Badge>
            )}
          </div>
          {joined && <p className="text-xs text-ink-muted">{joined}</p>}
        </div>
      </div>
      {!user.email_verified && (
        <div className="flex flex-col gap-3 rounded-2xl border border-warning/40 bg-warning/10 p-4 sm:flex-row sm:items-center sm:justify-between">
          <div className="text-sm">
            <p className="font-medium text-ink">Confirm your email address</p>
            <p className="text-ink-muted">
              We sent a link to {user.email}. Confirming it lets us reach you about your orders and
              a forgotten password.
            </p>
          </div>
          {verifyAction}
        </div>
      )}
    </div>
  );
}
