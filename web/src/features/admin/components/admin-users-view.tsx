// The admin users page: filters, the list, paging, and the confirmation before changes.
import { useState } from 'react';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { useSession } from '@/hooks/use-session';
import type { User } from '@/lib/user-schema';
import { useUsers } from '../api/list-users';
import { useUpdateUser } from '../api/update-user';
import type { AdminUsersSearch, UserChange } from '../schema';
import { type PendingChange, UserChangeDialog } from './user-change-dialog';
import { UsersFilters } from './users-filters';
import { UsersTable } from './users-table';

type AdminUsersViewProps = {
  search: AdminUsersSearch;
  onSearchChange: (next: AdminUsersSearch) => void;
};

function LoadingRows() {
  return (
    <div aria-busy="true" className="flex flex-col gap-3">
      <span className="sr-only">Loading users…</span>
      {[0, 1, 2, 3].map((row) => (
        <Skeleton key={row} className="h-16 w-full rounded-2xl" />
      ))}
    </div>
  );
}

function countText(total: number, offset: number, shown: number): string {
  if (total === 0) return 'No accounts';
  if (shown === total) return `${total} account${total === 1 ? '' : 's'}`;
  return `${offset + 1}–${offset + shown} of ${total} accounts`;
}

export function AdminUsersView({ search, onSearchChange }: AdminUsersViewProps) {
  const { user: me } = useSession();
  const users = useUsers(search);
  const update = useUpdateUser();
  const [pending, setPending] = useState<PendingChange | null>(null);

  const ask = (user: User, change: UserChange) => {
    update.reset();
    setPending({ user, change });
  };
  const cancel = () => setPending(null);
  const confirm = () => {
    if (!pending) return;
    update.mutate(
      { id: pending.user.id, change: pending.change },
      { onSuccess: () => setPending(null) },
    );
  };
  const filtered = Boolean(search.q || search.role);

  return (
    <div className="flex flex-col gap-6">
      <UsersFilters search={search} onChange={onSearchChange} />
      <p role="status" className="text-sm text-ink-muted" aria-live="polite">
        {users.data ? countText(users.data.total, users.data.offset, users.data.items.length) : ''}
        {users.isFetching && users.data ? ' · updating…' : ''}
      </p>
      {users.error && !users.data ? (
        <QueryError
          error={users.error}
          onRetry={() => void users.refetch()}
          retrying={users.isFetching}
          title="Users could not be loaded"
        />
      ) : !users.data ? (
        <LoadingRows />
      ) : users.data.items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-line px-6 py-12 text-center">
          <p className="font-display text-xl text-ink">No users found</p>
          <p className="mt-1 text-sm text-ink-muted">
            {filtered ? 'Try another search or role.' : 'Nobody has signed up yet.'}
          </p>
        </div>
      ) : (
        <UsersTable users={users.data.items} currentUserId={me?.id} onChange={ask} />
      )}
      {users.data && (
        <Pagination
          total={users.data.total}
          limit={users.data.limit}
          offset={users.data.offset}
          label="User list pages"
        />
      )}
      <UserChangeDialog
        pending={pending}
        saving={update.isPending}
        error={update.error}
        onConfirm={confirm}
        onCancel={cancel}
      />
    </div>
  );
}
