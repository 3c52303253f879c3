// Catalog shapes that more than one feature reads: a book summary (the card every list shows), the
// references to authors and categories inside it, and the list envelope. They mirror the C api/
// layer's book_summary_to_json and friends; each feature's schema.ts builds on them.
import { z } from 'zod';

export const authorRefSchema = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
});

export const categoryRefSchema = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
});

export const bookSummarySchema = z.object({
  id: z.number(),
  slug: z.string(),
  title: z.string(),
  subtitle: z.string().nullish(),
  authors: z.array(authorRefSchema),
  cover_url: z.string().nullish(),
  price_cents: z.number().int().nonnegative(),
  currency: z.string().length(3),
  is_free: z.boolean(),
  rating_avg: z.number().nullish(),
  rating_count: z.number().int().nonnegative().default(0),
  format: z.string().nullish(),
  language: z.string().nullish(),
  published_at: z.string().nullish(),
  featured: z.boolean().default(false),
});

/** `{items, total, limit, offset}`, the envelope of every paged list. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
    offset: z.number().int().nonnegative(),
  });
}

/** `{items}`, the envelope of the short shelves (featured, trending, new, top rated). */
export function itemsSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

export type AuthorRef = z.infer<typeof authorRefSchema>;
export type CategoryRef = z.infer<typeof categoryRefSchema>;
export type BookSummary = z.infer<typeof bookSummarySchema>;
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };
