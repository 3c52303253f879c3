// Book routes (src/api/books.c): detail, lists and shelves, plus the browse page's URL.
import { z } from 'zod';
import {
  bookSummarySchema,
  categoryRefSchema,
  itemsSchema,
  pageSchema,
} from '@/lib/catalog-schema';

export const publisherRefSchema = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
});

export const bookDetailSchema = bookSummarySchema.extend({
  description: z.string().nullish(),
  isbn: z.string().nullish(),
  page_count: z.number().int().nullish(),
  publisher: publisherRefSchema.nullish(),
  categories: z.array(categoryRefSchema).default([]),
  status: z.string().nullish(),
  views_count: z.number().int().nullish(),
  purchases_count: z.number().int().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  related: z.array(bookSummarySchema).default([]),
  can_edit: z.boolean().default(false),
  /** A free sample can be read (GET /api/books/{id}/sample); "Read sample" shows only then. */
  has_sample: z.boolean().default(false),
});

export const bookPageSchema = pageSchema(bookSummarySchema);
export const bookShelfSchema = itemsSchema(bookSummarySchema);

/** The curated lists behind GET /api/books/{featured,trending,new,top-rated}. */
export const shelfKinds = ['featured', 'trending', 'new', 'top-rated'] as const;
export type ShelfKind = (typeof shelfKinds)[number];

export const sortValues = [
  'newest',
  'popular',
  'rating',
  'price_asc',
  'price_desc',
  'title',
] as const;
export type BookSort = (typeof sortValues)[number];

export const sortLabels: Record<BookSort, string> = {
  newest: 'Newest',
  popular: 'Most popular',
  rating: 'Highest rated',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  title: 'Title A–Z',
};

export const formatValues = ['epub', 'pdf'] as const;

/** Browse filters as they appear in the URL. Bad values are dropped, not errors: it is a URL. */
export const browseSearchSchema = z.object({
  category: z.string().min(1).max(200).optional().catch(undefined),
  author: z.string().min(1).max(200).optional().catch(undefined),
  publisher: z.string().min(1).max(200).optional().catch(undefined),
  language: z.string().min(2).max(20).optional().catch(undefined),
  format: z.enum(formatValues).optional().catch(undefined),
  price: z.enum(['free', 'under-5', '5-10', '10-20', 'over-20']).optional().catch(undefined),
  sort: z.enum(sortValues).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type BrowseSearch = z.infer<typeof browseSearchSchema>;
export type BookDetail = z.infer<typeof bookDetailSchema>;
export type BookPage = z.infer<typeof bookPageSchema>;
export type PublisherRef = z.infer<typeof publisherRefSchema>;
