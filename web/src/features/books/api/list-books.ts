// GET /api/books: the filtered, sorted, paged catalog behind browse and category pages.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type BookPage, type BrowseSearch, bookPageSchema } from '../schema';

export const BROWSE_PAGE_SIZE = 24;

/** The price bands of the browse URL as the API's price range (cents; both ends inclusive). */
const PRICE_RANGES: Record<NonNullable<BrowseSearch['price']>, [number?, number?]> = {
  free: [],
  'under-5': [1, 499],
  '5-10': [500, 999],
  '10-20': [1000, 1999],
  'over-20': [2000],
};

export function browseParams(search: BrowseSearch, limit = BROWSE_PAGE_SIZE): URLSearchParams {
  const params = new URLSearchParams();
  if (search.category) params.set('category', search.category);
  if (search.author) params.set('author', search.author);
  if (search.publisher) params.set('publisher', search.publisher);
  if (search.language) params.set('language', search.language);
  if (search.format) params.set('format', search.format);
  if (search.price === 'free') params.set('free', 'true');
  else if (search.price) {
    const [min, max] = PRICE_RANGES[search.price];
    if (min !== undefined) params.set('price_min', String(min));
    if (max !== undefined) params.set('price_max', String(max));
  }
  params.set('sort', search.sort ?? 'newest');
  params.set('limit', String(limit));
  params.set('offset', String(((search.page ?? 1) - 1) * limit));
  return params;
}

export function listBooks(
  search: BrowseSearch,
  { signal, limit }: { signal?: AbortSignal; limit?: number } = {},
): Promise<BookPage> {
  return api.get(`/books?${browseParams(search, limit).toString()}`, {
    schema: bookPageSchema,
    signal,
  });
}

export function listBooksQueryOptions(search: BrowseSearch, limit = BROWSE_PAGE_SIZE) {
  return queryOptions({
    queryKey: ['books', 'list', search, limit],
    queryFn: ({ signal }) => listBooks(search, { signal, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useBooks(search: BrowseSearch, limit = BROWSE_PAGE_SIZE) {
  return useQuery(listBooksQueryOptions(search, limit));
}
