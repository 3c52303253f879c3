// Publishing shapes (docs/openapi/publishing.json and catalog.json): the author's dashboard,
// daily stats, uploaded files and upload targets, the EPUB metadata a completed manuscript
// reports, the category tree for the picker, and the book form's values.
import { z } from 'zod';
import { bookSummarySchema, categoryRefSchema, pageSchema } from '@/lib/catalog-schema';

export const bookStatusSchema = z.enum(['draft', 'published', 'deleted']);
export type BookStatus = z.infer<typeof bookStatusSchema>;

export const MY_BOOKS_PAGE_SIZE = 24;

export const myBookSchema = z.object({
  book: bookSummarySchema.extend({ status: bookStatusSchema.catch('draft') }),
  views: z.number().int().nonnegative(),
  purchases: z.number().int().nonnegative(),
  revenue_cents: z.number().int(),
  currency: z.string(),
});

export const myBooksPageSchema = pageSchema(myBookSchema);

export const dayStatsSchema = z.object({
  day: z.string(),
  views: z.number().int().nonnegative(),
  purchases: z.number().int().nonnegative(),
  revenue_cents: z.number().int().default(0),
});

export const bookStatsSchema = z.object({
  book_id: z.number().optional(),
  days: z.array(dayStatsSchema),
});

/** A book as its author edits it: GET /api/books/{id}, POST /api/books, PATCH, publish. */
export const editableBookSchema = bookSummarySchema.extend({
  description: z.string().nullish(),
  isbn: z.string().nullish(),
  page_count: z.number().int().nullish(),
  categories: z.array(categoryRefSchema).default([]),
  status: bookStatusSchema.catch('draft'),
  views_count: z.number().int().nullish(),
  purchases_count: z.number().int().nullish(),
  updated_at: z.string().nullish(),
  can_edit: z.boolean().default(false),
});

export const fileKindSchema = z.enum(['manuscript', 'cover', 'sample']);
export type FileKind = z.infer<typeof fileKindSchema>;

export const bookFileSchema = z.object({
  id: z.number(),
  book_id: z.number(),
  kind: fileKindSchema,
  status: z.enum(['pending', 'ready', 'failed', 'superseded']),
  version: z.number().int(),
  original_name: z.string().nullish(),
  content_type: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  created_at: z.string().nullish(),
  completed_at: z.string().nullish(),
});

export const uploadTargetSchema = z.object({
  method: z.string().default('PUT'),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).default({}),
  expires_in: z.number().optional(),
});

export const requestUploadAnswerSchema = z.object({
  file: bookFileSchema,
  upload: uploadTargetSchema,
});

export const epubMetadataSchema = z.object({
  title: z.string().nullish(),
  subtitle: z.string().nullish(),
  language: z.string().nullish(),
  description: z.string().nullish(),
  publisher: z.string().nullish(),
  isbn: z.string().nullish(),
  creators: z
    .array(
      z.object({
        name: z.string(),
        role: z.string().nullish(),
        contributor: z.boolean().nullish(),
      }),
    )
    .default([]),
  subjects: z.array(z.string()).default([]),
  pages: z.number().int().nullish(),
  pages_estimated: z.boolean().nullish(),
});

export const reasonSchema = z.object({ code: z.string(), message: z.string() });

export const completeAnswerSchema = z.object({
  file: bookFileSchema,
  report: z
    .object({
      format: z.string().nullish(),
      metadata: epubMetadataSchema.nullish(),
      warnings: z.array(reasonSchema).default([]),
      width: z.number().nullish(),
      height: z.number().nullish(),
    })
    .passthrough()
    .nullish(),
});

export type CategoryNode = {
  id: number;
  slug: string;
  name: string;
  parent_id?: number | null | undefined;
  children: CategoryNode[];
};

export const categoryNodeSchema: z.ZodType<CategoryNode> = z.lazy(() =>
  z.object({
    id: z.number(),
    slug: z.string(),
    name: z.string(),
    parent_id: z.number().nullish(),
    children: z.array(categoryNodeSchema).default([]),
  }),
);

export const categoryTreeSchema = z.object({ items: z.array(categoryNodeSchema) });

export type MyBook = z.infer<typeof myBookSchema>;
export type MyBooksPage = z.infer<typeof myBooksPageSchema>;
export type DayStats = z.infer<typeof dayStatsSchema>;
export type EditableBook = z.infer<typeof editableBookSchema>;
export type BookFile = z.infer<typeof bookFileSchema>;
export type UploadTarget = z.infer<typeof uploadTargetSchema>;
export type EpubMetadata = z.infer<typeof epubMetadataSchema>;
export type CompleteAnswer = z.infer<typeof completeAnswerSchema>;
export type Reason = z.infer<typeof reasonSchema>;

/** The book form's fields, as text where the author types text. */
export type BookFormValues = {
  title: string;
  subtitle: string;
  description: string;
  language: string;
  isbn: string;
  pageCount: string;
  price: string;
  currency: string;
  format: '' | 'epub' | 'pdf';
  categoryIds: number[];
};

export type BookField = keyof BookFormValues;

/** What PATCH and POST /api/books take (BookInput). */
export type BookInput = {
  title?: string;
  subtitle?: string | null;
  description?: string | null;
  language?: string;
  isbn?: string | null;
  page_count?: number | null;
  price_cents?: number;
  currency?: string;
  format?: 'epub' | 'pdf';
  category_ids?: number[];
};

export const MAX_CATEGORIES = 10;

/** Upload limits (the server's defaults; it checks again and has the last word). */
export const uploadRules: Record<
  FileKind,
  { accept: string; types: string[]; maxBytes: number; what: string }
> = {
  manuscript: {
    accept: '.epub,.pdf,application/epub+zip,application/pdf',
    types: ['application/epub+zip', 'application/pdf'],
    maxBytes: 200 * 1024 * 1024,
    what: 'EPUB or PDF, up to 200 MB',
  },
  cover: {
    accept: '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp',
    types: ['image/jpeg', 'image/png', 'image/webp'],
    maxBytes: 10 * 1024 * 1024,
    what: 'JPEG, PNG or WebP, up to 10 MB and 8000 px a side',
  },
  sample: {
    accept: '.epub,.pdf,application/epub+zip,application/pdf',
    types: ['application/epub+zip', 'application/pdf'],
    maxBytes: 200 * 1024 * 1024,
    what: 'EPUB or PDF excerpt',
  },
};
