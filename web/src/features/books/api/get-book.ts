// GET /api/books/{id or slug}: one book with its details and related books.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type BookDetail, bookDetailSchema } from '../schema';

export function getBook(
  idOrSlug: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<BookDetail> {
  return api.get(`/books/${encodeURIComponent(idOrSlug)}`, { schema: bookDetailSchema, signal });
}

export function getBookQueryOptions(idOrSlug: string) {
  return queryOptions({
    queryKey: ['books', 'detail', idOrSlug],
    queryFn: ({ signal }) => getBook(idOrSlug, { signal }),
  });
}

export function useBook(idOrSlug: string) {
  return useQuery(getBookQueryOptions(idOrSlug));
}
