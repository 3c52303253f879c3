// Library routes (src/api/library.c): the books a reader owns, with where they are in each.
import { z } from 'zod';
import { bookSummarySchema, pageSchema } from '@/lib/catalog-schema';

export const libraryEntrySchema = z.object({
  book: bookSummarySchema.extend({ has_sample: z.boolean().default(false) }),
  source: z.string(),
  progress: z.number().min(0).max(1).catch(0),
  position: z.string().nullish(),
  position_device: z.string().nullish(),
  /** What the device that saved `position` calls itself ("Laptop"). */
  position_device_name: z.string().nullish(),
  last_read_at: z.string().nullish(),
  added_at: z.string(),
  downloads: z.number().int().nonnegative().default(0),
});

export const libraryPageSchema = pageSchema(libraryEntrySchema);

export const librarySortValues = ['last_read', 'added', 'title'] as const;
export type LibrarySort = (typeof librarySortValues)[number];

export const librarySortLabels: Record<LibrarySort, string> = {
  last_read: 'Last read',
  added: 'Recently added',
  title: 'Title A–Z',
};

/** /library?sort=…; a bad value falls back to the default rather than failing the page. */
export const librarySearchSchema = z.object({
  sort: z.enum(librarySortValues).optional().catch(undefined),
});

export type LibraryEntry = z.infer<typeof libraryEntrySchema>;
export type LibraryPage = z.infer<typeof libraryPageSchema>;
export type LibrarySearch = z.infer<typeof librarySearchSchema>;
