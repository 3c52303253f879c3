// GET /api/library/{book_id}: one of my books, or null when I do not own it (404).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '@/lib/api-client';
import { type LibraryEntry, libraryEntrySchema } from '../schema';

export async function getLibraryEntry(
  bookId: number | string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<LibraryEntry | null> {
  try {
    return await api.get(`/library/${encodeURIComponent(String(bookId))}`, {
      schema: libraryEntrySchema,
      signal,
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function getLibraryEntryQueryOptions(bookId: number | string) {
  return queryOptions({
    queryKey: ['library', 'entry', String(bookId)],
    queryFn: ({ signal }) => getLibraryEntry(bookId, { signal }),
  });
}

export function useLibraryEntry(bookId: number | string, { enabled = true } = {}) {
  return useQuery({ ...getLibraryEntryQueryOptions(bookId), enabled });
}
