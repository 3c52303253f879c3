// POST /api/books/{id}/reviews (a first review) and PATCH .../reviews/mine (an edit). Both change
// the book's rating, so the book's page reloads it.
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { type Review, type ReviewInput, reviewSchema } from '../schema';

type SaveReview = { bookId: number; input: ReviewInput; editing: boolean };

export function saveReview({ bookId, input, editing }: SaveReview): Promise<Review> {
  return editing
    ? api.patch(`/books/${bookId}/reviews/mine`, input, { schema: reviewSchema })
    : api.post(`/books/${bookId}/reviews`, input, { schema: reviewSchema });
}

export function deleteMyReview(bookId: number): Promise<unknown> {
  return api.delete(`/books/${bookId}/reviews/mine`, { schema: z.unknown() });
}

/** Reviews and the book's rating (the book page's ['books', 'detail', …] query) change together. */
export function refreshAfterReview(client: QueryClient, bookId: number): void {
  void client.invalidateQueries({ queryKey: ['reviews', bookId] });
  void client.invalidateQueries({ queryKey: ['books', 'detail'] });
}

export function useSaveReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveReview,
    onSuccess: (_review, { bookId }) => refreshAfterReview(client, bookId),
  });
}

export function useDeleteMyReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteMyReview,
    onSuccess: (_answer, bookId) => refreshAfterReview(client, bookId),
  });
}
