import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '@/lib/session';
import type { User } from '@/lib/user-schema';
import { mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession, makeUser } from '@/testing/fixtures/users';
import { press } from '@/testing/form';
import { renderInRouter } from '@/testing/render-route';
import { AdminUsersView } from './admin-users-view';

const admin = makeUser({
  id: 1,
  email: 'ada@example.com',
  display_name: 'Ada Admin',
  role: 'admin',
});
const tom = makeUser({ id: 2, email: 'tom@example.com', display_name: 'Tom Reyes' });

function listOf(users: User[], total = users.length) {
  return jsonResponse(200, { items: users, total, limit: 20, offset: 0 });
}

function rowOf(name: string): HTMLElement {
  const row = screen.getAllByTestId('admin-user-row').find((r) => r.textContent?.includes(name));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('AdminUsersView', () => {
  it('lists users with the search, role and page from the URL', async () => {
    startSession(makeSession({}, admin));
    const mock = mockApi({ 'GET /api/admin/users': () => listOf([admin, tom], 45) });
    renderInRouter(
      <AdminUsersView search={{ q: 'tom', role: 'reader', page: 3 }} onSearchChange={vi.fn()} />,
    );

    expect(await screen.findByText('tom@example.com')).toBeInTheDocument();
    const search = mock.calls[0]?.search;
    expect(Object.fromEntries(search ?? [])).toEqual({
      q: 'tom',
      role: 'reader',
      limit: '20',
      offset: '40',
    });
    expect(screen.getByRole('status')).toHaveTextContent('1–2 of 45 accounts');
    expect(screen.getByRole('navigation', { name: 'User list pages' })).toBeInTheDocument();
  });

  it('changes a role only after confirmation', async () => {
    startSession(makeSession({}, admin));
    let current = tom;
    const mock = mockApi({
      'GET /api/admin/users': () => listOf([admin, current]),
      'PATCH /api/admin/users/2': ({ body }) => {
        current = { ...current, ...(body as Partial<User>) };
        return jsonResponse(200, { user: current });
      },
    });
    renderInRouter(<AdminUsersView search={{}} onSearchChange={vi.fn()} />);
    await screen.findByText('tom@example.com');

    await userEvent.selectOptions(screen.getByLabelText('Role of Tom Reyes'), 'author');
    const dialog = screen.getByRole('dialog', { name: 'Change role?' });
    expect(dialog).toHaveTextContent('Tom Reyes (tom@example.com) goes from Reader to Author');
    await press('Cancel');
    expect(mock.callsTo('PATCH /api/admin/users/2')).toHaveLength(0);
    expect(screen.getByLabelText('Role of Tom Reyes')).toHaveValue('reader');

    await userEvent.selectOptions(screen.getByLabelText('Role of Tom Reyes'), 'author');
    await press('Make author');

    await vi.waitFor(() =>
      expect(screen.getByLabelText('Role of Tom Reyes')).toHaveValue('author'),
    );
    expect(mock.callsTo('PATCH /api/admin/users/2')[0]?.body).toEqual({ role: 'author' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('disables an account after confirmation and shows a failure in the dialog', async () => {
    startSession(makeSession({}, admin));
    mockApi({
      'GET /api/admin/users': () => listOf([admin, tom]),
      'PATCH /api/admin/users/2': () =>
        jsonResponse(409, {
          error: { code: 'conflict', message: 'user changed meanwhile', request_id: 'r' },
        }),
    });
    renderInRouter(<AdminUsersView search={{}} onSearchChange={vi.fn()} />);
    await screen.findByText('tom@example.com');

    await userEvent.click(
      within(rowOf('Tom Reyes')).getByRole('button', { name: 'Disable Tom Reyes' }),
    );
    expect(screen.getByRole('dialog', { name: 'Disable this account?' })).toBeInTheDocument();
    await press('Disable account');

    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent(
      'User changed meanwhile',
    );
  });

  it('does not let admins change or disable themselves', async () => {
    startSession(makeSession({}, admin));
    mockApi({ 'GET /api/admin/users': () => listOf([admin, tom]) });
    renderInRouter(<AdminUsersView search={{}} onSearchChange={vi.fn()} />);
    await screen.findByText('ada@example.com');

    expect(screen.getByLabelText('Role of Ada Admin')).toBeDisabled();
    expect(
      within(rowOf('Ada Admin')).getByRole('button', { name: 'Disable Ada Admin' }),
    ).toBeDisabled();
  });

  it('writes the search text and role to the URL', async () => {
    startSession(makeSession({}, admin));
    mockApi({ 'GET /api/admin/users': () => listOf([]) });
    const onSearchChange = vi.fn();
    renderInRouter(<AdminUsersView search={{ page: 2 }} onSearchChange={onSearchChange} />);
    expect(await screen.findByText('No users found')).toBeInTheDocument();

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search users' }), 'iris{Enter}');
    expect(onSearchChange).toHaveBeenLastCalledWith({ q: 'iris', page: undefined });

    await userEvent.selectOptions(screen.getByLabelText('Role'), 'admin');
    expect(onSearchChange).toHaveBeenLastCalledWith({ page: undefined, role: 'admin' });
  });
});
