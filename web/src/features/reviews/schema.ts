// Review routes (src/api/reviews.c): a book's reviews, mine, and reports.
import { z } from 'zod';
import { pageSchema } from '@/lib/catalog-schema';

export const reviewSchema = z.object({
  id: z.number(),
  book_id: z.number(),
  rating: z.number().int().min(1).max(5),
  title: z.string().nullish(),
  body: z.string().nullish(),
  author: z.object({ id: z.union([z.number(), z.string()]), display_name: z.string() }),
  verified_purchase: z.boolean().default(false),
  created_at: z.string(),
  updated_at: z.string().nullish(),
});

export const reviewPageSchema = pageSchema(reviewSchema);

/** What POST .../reviews and PATCH .../reviews/mine take. */
export type ReviewInput = { rating: number; title?: string; body?: string };

export const REVIEW_LIMITS = { title: 200, body: 10_000, reason: 1_000 } as const;

export type Review = z.infer<typeof reviewSchema>;
export type ReviewPage = z.infer<typeof reviewPageSchema>;
