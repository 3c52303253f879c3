// GET /api/books/{id}/reviews: a book's visible reviews, newest first.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type ReviewPage, reviewPageSchema } from '../schema';

export const REVIEWS_PAGE_SIZE = 100;

export function listReviews(
  bookId: number,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ReviewPage> {
  return api.get(`/books/${bookId}/reviews?limit=${REVIEWS_PAGE_SIZE}`, {
    schema: reviewPageSchema,
    signal,
    auth: false,
  });
}

export function listReviewsQueryOptions(bookId: number) {
  return queryOptions({
    queryKey: ['reviews', bookId],
    queryFn: ({ signal }) => listReviews(bookId, { signal }),
  });
}

export function useReviews(bookId: number) {
  return useQuery(listReviewsQueryOptions(bookId));
}
