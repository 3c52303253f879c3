// Search routes (src/api/search.c): full-text search with facets, and the typeahead's suggest.
import { z } from 'zod';
import { bookSummarySchema } from '@/lib/catalog-schema';

export const segmentSchema = z.object({ text: z.string(), match: z.boolean() });

export const searchHitSchema = bookSummarySchema.extend({
  highlight: z
    .object({
      title: z.array(segmentSchema).default([]),
      snippet: z.array(segmentSchema).default([]),
    })
    .nullish(),
});

const facetSchema = z.object({ slug: z.string(), name: z.string(), count: z.number().int() });

export const facetsSchema = z.object({
  categories: z.array(facetSchema).default([]),
  authors: z.array(facetSchema).default([]),
  languages: z.array(z.object({ value: z.string(), count: z.number().int() })).default([]),
  price_bands: z
    .array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }))
    .default([]),
});

export const searchResponseSchema = z.object({
  items: z.array(searchHitSchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  facets: facetsSchema.default({ categories: [], authors: [], languages: [], price_bands: [] }),
  did_you_mean: z.string().nullish(),
});

export const suggestionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('book'),
    id: z.number(),
    slug: z.string(),
    title: z.string(),
    author: z.string().nullish(),
    cover_url: z.string().nullish(),
  }),
  z.object({ type: z.literal('author'), id: z.number(), slug: z.string(), name: z.string() }),
]);

export const suggestResponseSchema = z.object({
  items: z.array(suggestionSchema).max(10),
});

export const priceBandValues = ['free', 'under-5', '5-10', '10-20', 'over-20'] as const;

/** The search page's URL. Bad values are dropped: the query string is the visitor's to type. */
export const searchSearchSchema = z.object({
  q: z.string().max(500).optional().catch(undefined),
  category: z.string().min(1).max(200).optional().catch(undefined),
  author: z.string().min(1).max(200).optional().catch(undefined),
  language: z.string().min(2).max(20).optional().catch(undefined),
  price: z.enum(priceBandValues).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type Segment = z.infer<typeof segmentSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type Facets = z.infer<typeof facetsSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type SearchSearch = z.infer<typeof searchSearchSchema>;
export type FacetKey = 'category' | 'author' | 'language' | 'price';
