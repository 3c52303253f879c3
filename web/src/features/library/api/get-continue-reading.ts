// GET /api/library/continue: started, unfinished books, most recently read first (the home row).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type LibraryPage, libraryPageSchema } from '../schema';

export function getContinueReading({
  signal,
}: { signal?: AbortSignal } = {}): Promise<LibraryPage> {
  return api.get('/library/continue?limit=12', { schema: libraryPageSchema, signal });
}

export function getContinueReadingQueryOptions() {
  return queryOptions({
    queryKey: ['library', 'continue'],
    queryFn: ({ signal }) => getContinueReading({ signal }),
  });
}

export function useContinueReading({ enabled }: { enabled: boolean }) {
  return useQuery({ ...getContinueReadingQueryOptions(), enabled });
}
