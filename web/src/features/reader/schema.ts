// Reading routes (src/api/library.c, src/api/files.c): positions, annotations, and the reader's
// own settings and URL.
import { z } from 'zod';

/** One device's own last position in a book. */
export const devicePositionSchema = z.object({
  device_id: z.string(),
  device_name: z.string().nullish(),
  position: z.string().nullish(),
  progress: z.number().catch(0),
  updated_at: z.string().nullish(),
});

/**
 * GET/PUT /api/library/{book_id}/progress: the latest position, whichever device saved it
 * (`device_name` names it), and each device's own under `devices`.
 */
export const progressSchema = z.object({
  position: z.string().nullish(),
  progress: z.number().catch(0),
  device_id: z.string().nullish(),
  device_name: z.string().nullish(),
  updated_at: z.string().nullish(),
  devices: z.array(devicePositionSchema).optional(),
});

export const annotationKinds = ['bookmark', 'highlight'] as const;
export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof highlightColors)[number];

export const annotationSchema = z.object({
  id: z.number(),
  kind: z.enum(annotationKinds),
  position: z.string(),
  text: z.string().nullish(),
  note: z.string().nullish(),
  color: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
});

export const annotationListSchema = z.object({ items: z.array(annotationSchema) });

export type AnnotationInput = {
  kind: (typeof annotationKinds)[number];
  position: string;
  text?: string;
  note?: string;
  color?: HighlightColor;
};

/** The reader's look, remembered in localStorage. */
export const readerSettingsSchema = z.object({
  flow: z.enum(['paginated', 'scrolled']).catch('paginated'),
  fontSize: z.number().int().min(70).max(200).catch(100),
  fontFamily: z.enum(['publisher', 'serif', 'sans', 'mono']).catch('publisher'),
  lineHeight: z.enum(['compact', 'normal', 'relaxed']).catch('normal'),
  theme: z.enum(['light', 'sepia', 'dark']).catch('light'),
});

/** /read/$bookId?sample=true opens the public sample instead of the owner's copy. */
export const readerSearchSchema = z.object({
  sample: z.boolean().optional().catch(undefined),
});

export type Progress = z.infer<typeof progressSchema>;
export type DevicePosition = z.infer<typeof devicePositionSchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type ReaderSettings = z.infer<typeof readerSettingsSchema>;
export type ReaderSearch = z.infer<typeof readerSearchSchema>;
