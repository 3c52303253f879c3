// GET /api/authors/{id or slug}: an author's profile and books.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type AuthorDetail, authorDetailSchema } from '../schema';

export function getAuthor(
  idOrSlug: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<AuthorDetail> {
  return api.get(`/authors/${encodeURIComponent(idOrSlug)}`, {
    schema: authorDetailSchema,
    signal,
  });
}

export function getAuthorQueryOptions(idOrSlug: string) {
  return queryOptions({
    queryKey: ['authors', 'detail', idOrSlug],
    queryFn: ({ signal }) => getAuthor(idOrSlug, { signal }),
  });
}

export function useAuthor(idOrSlug: string) {
  return useQuery(getAuthorQueryOptions(idOrSlug));
}
