// Search box and role filter of the admin users page. Typing searches after a short
// pause; both write to the URL through `onChange`.
import { type FormEvent, useEffect, useState } from 'react';
import { controlClasses } from '@/components/ui/field-shell';
import { ROLES, type Role, roleLabels } from '@/lib/user-schema';
import type { AdminUsersSearch } from '../schema';

const TYPING_PAUSE_MS = 350;

type UsersFiltersProps = {
  search: AdminUsersSearch;
  onChange: (next: AdminUsersSearch) => void;
};

export function UsersFilters({ search, onChange }: UsersFiltersProps) {
  const q = search.q ?? '';
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);

  // The URL changed under us (back button, a link): show its query.
  if (q !== shownQ) {
    setShownQ(q);
    setText(q);
  }

  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(
      () => onChange({ ...search, q: text.trim() || undefined, page: undefined }),
      TYPING_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [text, q, search, onChange]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ ...search, q: text.trim() || undefined, page: undefined });
  };

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <form role="search" onSubmit={submit} className="flex flex-1 flex-col gap-1.5">
        <label htmlFor="admin-user-search" className="text-sm font-medium text-ink">
          Search users
        </label>
        <input
          id="admin-user-search"
          type="search"
          name="q"
          autoComplete="off"
          placeholder="Name or email"
          value={text}
          onChange={(event) => setText(event.target.value)}
          className={`${controlClasses} h-11 border-line`}
        />
      </form>
      <div className="flex flex-col gap-1.5 sm:w-44">
        <label htmlFor="admin-user-role" className="text-sm font-medium text-ink">
          Role
        </label>
        <select
          id="admin-user-role"
          value={search.role ?? ''}
          onChange={(event) =>
            onChange({
              ...search,
              role: (event.target.value || undefined) as Role | undefined,
              page: undefined,
            })
          }
          className={`${controlClasses} h-11 border-line`}
        >
          <option value="">All roles</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
