// Category routes (src/api/categories.c): the tree, and one category with its breadcrumb.
import { z } from 'zod';
import { categoryRefSchema } from '@/lib/catalog-schema';

export type Category = {
  id: number;
  slug: string;
  name: string;
  parent_id: number | null;
  description?: string | null | undefined;
  book_count: number;
  children: Category[];
};

export const categorySchema: z.ZodType<Category> = z.lazy(() =>
  z.object({
    id: z.number(),
    slug: z.string(),
    name: z.string(),
    parent_id: z.number().nullable().default(null),
    description: z.string().nullish(),
    book_count: z.number().int().nonnegative().default(0),
    children: z.array(categorySchema).default([]),
  }),
);

export const categoryTreeSchema = z.object({ items: z.array(categorySchema) });

export const categoryDetailSchema = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  parent_id: z.number().nullable().default(null),
  description: z.string().nullish(),
  book_count: z.number().int().nonnegative().default(0),
  children: z.array(categorySchema).default([]),
  breadcrumb: z.array(categoryRefSchema).default([]),
});

export type CategoryDetail = z.infer<typeof categoryDetailSchema>;
