// GET /api/books/suggest: up to ten books and authors for the header's typeahead.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type Suggestion, suggestResponseSchema } from '../schema';

export const SUGGEST_MIN_CHARS = 2;

export async function suggestBooks(
  q: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Suggestion[]> {
  const body = await api.get(`/books/suggest?${new URLSearchParams({ q }).toString()}`, {
    schema: suggestResponseSchema,
    signal,
  });
  return body.items;
}

export function suggestBooksQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['books', 'suggest', q],
    queryFn: ({ signal }) => suggestBooks(q, { signal }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useSuggestions(q: string) {
  const term = q.trim();
  return useQuery({
    ...suggestBooksQueryOptions(term),
    enabled: term.length >= SUGGEST_MIN_CHARS,
  });
}
