// GET /api/authors: authors by popularity or name, paged.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type AuthorPage, type AuthorSort, authorPageSchema } from '../schema';

type ListAuthorsParams = { sort?: AuthorSort | undefined; limit?: number; offset?: number };

export function listAuthors(
  { sort = 'popular', limit = 24, offset = 0 }: ListAuthorsParams,
  { signal }: { signal?: AbortSignal } = {},
): Promise<AuthorPage> {
  const params = new URLSearchParams({ sort, limit: String(limit), offset: String(offset) });
  return api.get(`/authors?${params.toString()}`, { schema: authorPageSchema, signal });
}

export function listAuthorsQueryOptions(params: ListAuthorsParams) {
  return queryOptions({
    queryKey: ['authors', 'list', params],
    queryFn: ({ signal }) => listAuthors(params, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useAuthors(params: ListAuthorsParams) {
  return useQuery(listAuthorsQueryOptions(params));
}
