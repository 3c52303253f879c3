// POST /api/cart/merge: the books a visitor put in the cart before signing in join the
// server cart. Books that cannot (owned, no longer for sale, another currency) come back
// in `skipped` with the reason.
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { cartSchema } from '@/lib/commerce-schema';

export const mergeAnswerSchema = cartSchema.extend({
  skipped: z
    .array(z.object({ book_id: z.union([z.number(), z.string()]), reason: z.string() }))
    .default([]),
});

export type MergeAnswer = z.infer<typeof mergeAnswerSchema>;

export function mergeCart(bookIds: number[]): Promise<MergeAnswer> {
  return api.post('/cart/merge', { book_ids: bookIds }, { schema: mergeAnswerSchema });
}
