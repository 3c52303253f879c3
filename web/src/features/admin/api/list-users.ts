// GET /api/admin/users: one page of accounts, filtered by text and role.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type AdminUsersSearch, USERS_PAGE_SIZE, type UserList, userListSchema } from '../schema';

export function usersQueryParams({ q, role, page }: AdminUsersSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (role) params.set('role', role);
  params.set('limit', String(USERS_PAGE_SIZE));
  params.set('offset', String(((page ?? 1) - 1) * USERS_PAGE_SIZE));
  return params;
}

export function listUsers(search: AdminUsersSearch, signal?: AbortSignal): Promise<UserList> {
  return api.get(`/admin/users?${usersQueryParams(search).toString()}`, {
    schema: userListSchema,
    signal,
  });
}

export function usersQueryOptions(search: AdminUsersSearch) {
  return queryOptions({
    queryKey: [
      'admin',
      'users',
      { q: search.q ?? '', role: search.role ?? '', page: search.page ?? 1 },
    ],
    queryFn: ({ signal }) => listUsers(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(search: AdminUsersSearch) {
  return useQuery(usersQueryOptions(search));
}
