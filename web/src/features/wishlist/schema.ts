// Wishlist routes (src/api/library.c): a page of book summaries.
import type { z } from 'zod';
import { bookSummarySchema, pageSchema } from '@/lib/catalog-schema';

export const wishlistPageSchema = pageSchema(bookSummarySchema);
export type WishlistPage = z.infer<typeof wishlistPageSchema>;
