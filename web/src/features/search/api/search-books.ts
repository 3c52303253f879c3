// GET /api/books/search: ranked matches with highlights, facet counts and "did you mean".
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type SearchResponse, type SearchSearch, searchResponseSchema } from '../schema';

export const SEARCH_PAGE_SIZE = 20;

export function searchParams(search: SearchSearch, limit = SEARCH_PAGE_SIZE): URLSearchParams {
  const params = new URLSearchParams({ q: search.q?.trim() ?? '' });
  if (search.category) params.set('category', search.category);
  if (search.author) params.set('author', search.author);
  if (search.language) params.set('language', search.language);
  if (search.price) params.set('price', search.price);
  params.set('limit', String(limit));
  params.set('offset', String(((search.page ?? 1) - 1) * limit));
  return params;
}

export function searchBooks(
  search: SearchSearch,
  { signal }: { signal?: AbortSignal } = {},
): Promise<SearchResponse> {
  return api.get(`/books/search?${searchParams(search).toString()}`, {
    schema: searchResponseSchema,
    signal,
  });
}

export function searchBooksQueryOptions(search: SearchSearch) {
  return queryOptions({
    queryKey: ['books', 'search', search],
    queryFn: ({ signal }) => searchBooks(search, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSearchBooks(search: SearchSearch) {
  return useQuery({ ...searchBooksQueryOptions(search), enabled: Boolean(search.q?.trim()) });
}
