// Author routes (src/api/authors.c): the list and one author with their books.
import { z } from 'zod';
import { bookSummarySchema, pageSchema } from '@/lib/catalog-schema';

export const authorSchema = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  bio: z.string().nullish(),
  photo_url: z.string().nullish(),
  book_count: z.number().int().nonnegative().default(0),
});

export const authorPageSchema = pageSchema(authorSchema);

export const authorDetailSchema = authorSchema.extend({
  books: z.array(bookSummarySchema).default([]),
});

export const authorSortValues = ['popular', 'name'] as const;
export type AuthorSort = (typeof authorSortValues)[number];

export const authorListSearchSchema = z.object({
  sort: z.enum(authorSortValues).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type Author = z.infer<typeof authorSchema>;
export type AuthorDetail = z.infer<typeof authorDetailSchema>;
export type AuthorPage = z.infer<typeof authorPageSchema>;
export type AuthorListSearch = z.infer<typeof authorListSearchSchema>;
