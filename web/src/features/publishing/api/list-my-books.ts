// GET /api/me/books: the author's books, drafts and published, with views, sales and revenue.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { MY_BOOKS_PAGE_SIZE, type MyBooksPage, myBooksPageSchema } from '../schema';

export function listMyBooks(page: number, signal?: AbortSignal): Promise<MyBooksPage> {
  const params = new URLSearchParams({
    limit: String(MY_BOOKS_PAGE_SIZE),
    offset: String((page - 1) * MY_BOOKS_PAGE_SIZE),
  });
  return api.get(`/me/books?${params.toString()}`, { schema: myBooksPageSchema, signal });
}

export function myBooksQueryOptions(page: number) {
  return queryOptions({
    queryKey: ['publishing', 'my-books', page],
    queryFn: ({ signal }) => listMyBooks(page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMyBooks(page: number) {
  return useQuery(myBooksQueryOptions(page));
}
