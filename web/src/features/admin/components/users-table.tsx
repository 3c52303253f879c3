// One page of accounts. A table on wide screens; each row folds into a card on phones.
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { controlClasses } from '@/components/ui/field-shell';
import { ROLES, type Role, type User, roleLabels } from '@/lib/user-schema';
import type { UserChange } from '../schema';

type UsersTableProps = {
  users: User[];
  currentUserId: User['id'] | undefined;
  onChange: (user: User, change: UserChange) => void;
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function joined(createdAt: string | undefined): string {
  if (!createdAt) return '—';
  const date = new Date(createdAt);
  return Number.isNaN(date.getTime()) ? '—' : dateFormat.format(date);
}

const th = 'px-4 py-3 text-left text-xs font-semibold tracking-[0.15em] text-ink-muted uppercase';
const td = 'px-4 py-3 align-middle max-md:p-0';

function UserRow({
  user,
  self,
  onChange,
}: {
  user: User;
  self: boolean;
  onChange: UsersTableProps['onChange'];
}) {
  return (
    <tr
      data-testid="admin-user-row"
      className="border-line max-md:grid max-md:grid-cols-2 max-md:items-center max-md:gap-3 max-md:rounded-2xl max-md:border max-md:bg-surface/70 max-md:p-4 md:border-t"
    >
      <td className={`${td} max-md:col-span-2`}>
        <div className="flex min-w-0 items-center gap-3">
          <Avatar name={user.display_name} />
          <div className="min-w-0">
            <p className="truncate font-medium text-ink">
              {user.display_name}
              {self && <span className="ml-1.5 text-xs font-normal text-ink-muted">(you)</span>}
            </p>
            <p className="truncate text-sm text-ink-muted">{user.email}</p>
          </div>
        </div>
      </td>
      <td className={td}>
        <select
          aria-label={`Role of ${user.display_name}`}
          value={user.role}
          disabled={self}
          title={self ? 'You cannot change your own role' : undefined}
          onChange={(event) => onChange(user, { role: event.target.value as Role })}
          className={`${controlClasses} h-9 w-full min-w-28 border-line`}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
      </td>
      <td className={td}>
        <div className="flex flex-wrap gap-1.5 max-md:justify-end">
          {user.disabled ? (
            <Badge tone="negative">Disabled</Badge>
          ) : (
            <Badge tone="positive">Active</Badge>
          )}
          {!user.email_verified && <Badge tone="warning">Unverified</Badge>}
        </div>
      </td>
      <td className={`${td} text-sm whitespace-nowrap text-ink-muted`}>
        <span className="md:hidden">Joined </span>
        {joined(user.created_at)}
      </td>
      <td className={`${td} text-right`}>
        <Button
          variant={user.disabled ? 'secondary' : 'ghost'}
          disabled={self}
          onClick={() => onChange(user, { disabled: !user.disabled })}
          className="min-h-9 max-md:w-full"
          aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.display_name}`}
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </Button>
      </td>
    </tr>
  );
}

export function UsersTable({ users, currentUserId, onChange }: UsersTableProps) {
  const isSelf = (user: User) =>
    currentUserId !== undefined && String(user.id) === String(currentUserId);

  return (
    <div className="md:overflow-hidden md:rounded-2xl md:border md:border-line md:bg-surface/70">
      <table className="w-full border-collapse max-md:block">
        <caption className="sr-only">Accounts</caption>
        <thead className="bg-surface-raised/50 max-md:sr-only">
          <tr>
            <th scope="col" className={th}>
              User
            </th>
            <th scope="col" className={`${th} w-40`}>
              Role
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Joined
            </th>
            <th scope="col" className={`${th} text-right`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="max-md:flex max-md:flex-col max-md:gap-3">
          {users.map((user) => (
            <UserRow key={user.id} user={user} self={isSelf(user)} onChange={onChange} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
