// GET /api/books/{featured,trending,new,top-rated}: the home page's curated rows.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type BookSummary } from '@/lib/catalog-schema';
import { api } from '@/lib/api-client';
import { type ShelfKind, bookShelfSchema } from '../schema';

export async function getBookShelf(
  kind: ShelfKind,
  { signal }: { signal?: AbortSignal } = {},
): Promise<BookSummary[]> {
  const body = await api.get(`/books/${kind}`, { schema: bookShelfSchema, signal });
  return body.items;
}

export function getBookShelfQueryOptions(kind: ShelfKind) {
  return queryOptions({
    queryKey: ['books', 'shelf', kind],
    queryFn: ({ signal }) => getBookShelf(kind, { signal }),
    staleTime: 60_000,
  });
}

export function useBookShelf(kind: ShelfKind) {
  return useQuery(getBookShelfQueryOptions(kind));
}
