// GET /api/library?sort=…: the signed-in reader's books, one page of up to 100.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type LibraryPage, type LibrarySort, libraryPageSchema } from '../schema';

export const LIBRARY_PAGE_SIZE = 100;

export function getLibrary(
  sort: LibrarySort,
  { signal }: { signal?: AbortSignal } = {},
): Promise<LibraryPage> {
  const search = new URLSearchParams({ sort, limit: String(LIBRARY_PAGE_SIZE) });
  return api.get(`/library?${search.toString()}`, { schema: libraryPageSchema, signal });
}

export function getLibraryQueryOptions(sort: LibrarySort) {
  return queryOptions({
    queryKey: ['library', 'list', sort],
    queryFn: ({ signal }) => getLibrary(sort, { signal }),
  });
}

export function useLibrary(sort: LibrarySort) {
  return useQuery({ ...getLibraryQueryOptions(sort), placeholderData: keepPreviousData });
}
