// The book being read: its library entry for the owner (title, format, and 404 when it is not
// mine), or its public summary for a sample.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, api } from '@/lib/api-client';
import { bookSummarySchema } from '@/lib/catalog-schema';
import { type ContentSource } from './get-book-content';

export const readerBookSchema = bookSummarySchema.pick({
  id: true,
  slug: true,
  title: true,
  authors: true,
  format: true,
  cover_url: true,
});

export type ReaderBook = z.infer<typeof readerBookSchema>;

export class NotOwnedError extends Error {
  readonly name = 'NotOwnedError';
}

export async function getReaderBook(
  bookId: string,
  source: ContentSource,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ReaderBook> {
  const id = encodeURIComponent(bookId);
  if (source === 'sample')
    return api.get(`/books/${id}`, { schema: readerBookSchema, signal, auth: false });
  try {
    const entry = await api.get(`/library/${id}`, {
      schema: z.object({ book: readerBookSchema }),
      signal,
    });
    return entry.book;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404)
      throw new NotOwnedError('not in your library');
    throw error;
  }
}

export function readerBookQueryOptions(bookId: string, source: ContentSource) {
  return queryOptions({
    queryKey: ['reader', 'book', bookId, source],
    queryFn: ({ signal }) => getReaderBook(bookId, source, { signal }),
    retry: false,
  });
}
