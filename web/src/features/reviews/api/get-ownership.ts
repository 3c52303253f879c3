// Whether I own a book (GET /api/library/{book_id}: 200 or 404): only owners may review.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, api } from '@/lib/api-client';

export async function ownsBook(bookId: number, { signal }: { signal?: AbortSignal } = {}) {
  try {
    await api.get(`/library/${bookId}`, { schema: z.unknown(), signal });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

export function ownershipQueryOptions(bookId: number) {
  return queryOptions({
    queryKey: ['library', 'owns', bookId],
    queryFn: ({ signal }) => ownsBook(bookId, { signal }),
  });
}

export function useOwnsBook(bookId: number, { enabled }: { enabled: boolean }) {
  return useQuery({ ...ownershipQueryOptions(bookId), enabled });
}
