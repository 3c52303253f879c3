// What the reader's chrome needs from a rendering engine (epub.js for EPUB, pdf.js for PDF), so
// the toolbar, panels and progress sync work the same for both.
import { type Annotation, type ReaderSettings } from '../schema';

export type TocItem = { id: string; label: string; target: string; depth: number };

export type ReaderLocation = {
  /** An EPUB CFI or "page:N": what is saved and what bookmarks hold. */
  position: string;
  /** 0..1 through the whole book. */
  progress: number;
  /** Whether `progress` is exact (EPUB locations still being counted make it an estimate). */
  exact: boolean;
  chapter: string | null;
  /** "Page 3 of 12 in this chapter", "Page 4 of 40". */
  pageLabel: string | null;
  atStart: boolean;
  atEnd: boolean;
};

export type ReaderSelection = { position: string; text: string };

export type EngineEvents = {
  onLocation: (location: ReaderLocation) => void;
  onSelection: (selection: ReaderSelection | null) => void;
  onToc: (items: TocItem[]) => void;
  /** A key pressed inside the book's own frame (epub.js renders into an iframe). */
  onKey: (event: KeyboardEvent) => void;
  onHighlightClick: (annotationId: number) => void;
};

export interface ReaderEngine {
  readonly kind: 'epub' | 'pdf';
  /** Opens at `position` (or the beginning). */
  open(position: string | null): Promise<void>;
  next(): void;
  prev(): void;
  goTo(target: string): Promise<void>;
  /** Jumps to a fraction (0..1) of the book: the progress slider. */
  goToFraction(fraction: number): Promise<void>;
  applySettings(settings: ReaderSettings): void;
  /** Highlights to draw (bookmarks are the chrome's business). */
  setHighlights(annotations: Annotation[]): void;
  /** Whether `position` falls on what is on screen now. */
  isVisible(position: string): boolean;
  /** Book order of two positions (<0, 0, >0), for listing notes. */
  comparePositions(a: string, b: string): number;
  /** A short place label for a saved position ("Page 4", "37%"), or "" when unknown. */
  describePosition(position: string): string;
  /** Drops the text selection inside the book. */
  clearSelection(): void;
  /** Highlights are possible (PDF pages are images here). */
  readonly canHighlight: boolean;
  destroy(): void;
}

export type EngineFactory = (
  container: HTMLElement,
  data: ArrayBuffer,
  settings: ReaderSettings,
  events: EngineEvents,
  bookKey: string,
) => ReaderEngine;
