// POST /api/library/{book_id}: adds a free book to my library (201, or 200 when already there).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type LibraryEntry, libraryEntrySchema } from '../schema';

export function claimBook(bookId: number): Promise<LibraryEntry> {
  return api.post(`/library/${bookId}`, undefined, { schema: libraryEntrySchema });
}

export function useClaimBook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: claimBook,
    onSuccess: (entry) => {
      client.setQueryData(['library', 'entry', String(entry.book.id)], entry);
      // Lists, "continue reading" and the reviews' ownership check all change.
      void client.invalidateQueries({
        queryKey: ['library'],
        predicate: (query) => query.queryKey[1] !== 'entry',
      });
    },
  });
}
