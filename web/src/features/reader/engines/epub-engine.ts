// EPUB through epub.js: opens the book from its bytes, renders it paginated (two pages side by
// side on wide screens) or scrolled a chapter at a time ("scrolled-doc": epub.js's continuous
// manager does not report positions while scrolling inside our container), and reports CFI
// positions. Percentages come from epub.js "locations" (a pass over the whole text), cached per
// book in localStorage; until they are ready the percentage is estimated from the chapter.
import ePub, { type Book, EpubCFI, type Location, type NavItem, type Rendition } from 'epubjs';
import { type Annotation, type ReaderSettings } from '../schema';
import { inlineStylesheets } from './epub-styles';
import { HIGHLIGHT_FILLS, epubCss } from './epub-theme';
import { type EngineEvents, type ReaderEngine, type TocItem } from './types';

const LOCATIONS_CHARS = 1200;
const LOCATIONS_PREFIX = 'mangu-reader-locations:';
const SWIPE_MIN_PX = 45;

type SpineSection = { index: number; href: string; linear: string };

type Contents = {
  document: Document;
  window: Window;
};

const STYLE_ID = 'mangu-reader-style';

/** Puts (or refreshes) the reader's own stylesheet, last in <head> so it wins. */
function applyCss(contents: Contents, css: string): void {
  const doc = contents.document;
  let style = doc.getElementById(STYLE_ID);
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
  }
  style.textContent = css;
  doc.head.append(style);
}

function flatten(items: NavItem[], depth = 0, out: TocItem[] = []): TocItem[] {
  for (const item of items) {
    out.push({
      id: `${item.id}-${out.length}`,
      label: item.label.trim(),
      target: item.href,
      depth,
    });
    if (item.subitems?.length) flatten(item.subitems, depth + 1, out);
  }
  return out;
}

function stripHash(href: string): string {
  const i = href.indexOf('#');
  return i === -1 ? href : href.slice(0, i);
}

export class EpubEngine implements ReaderEngine {
  readonly kind = 'epub' as const;
  readonly canHighlight = true;
  private readonly book: Book;
  private rendition: Rendition | null = null;
  private settings: ReaderSettings;
  private toc: TocItem[] = [];
  private location: Location | null = null;
  private highlights = new Map<string, Annotation>();
  private locationsReady = false;
  private displayed = false;
  private renditionHooks: unknown[] = [];
  private destroyed = false;
  private touch: { x: number; y: number; t: number } | null = null;
  private readonly cfi = new EpubCFI();

  constructor(
    private readonly container: HTMLElement,
    data: ArrayBuffer,
    settings: ReaderSettings,
    private readonly events: EngineEvents,
    private readonly bookKey: string,
  ) {
    this.settings = settings;
    this.book = ePub(data);
  }

  async open(position: string | null): Promise<void> {
    await this.book.ready;
    if (this.destroyed) return;
    inlineStylesheets(this.book);
    const navigation = await this.book.loaded.navigation;
    this.toc = flatten(navigation.toc);
    this.events.onToc(this.toc);
    await this.render(position);
    void this.loadLocations();
  }

  private async render(position: string | null): Promise<void> {
    const scrolled = this.settings.flow === 'scrolled';
    this.displayed = false;
    this.container.replaceChildren();
    const spineHooks = this.spineContentHooks();
    const hooksBefore = spineHooks.length;
    const rendition = this.book.renderTo(this.container, {
      width: '100%',
      height: '100%',
      flow: scrolled ? 'scrolled-doc' : 'paginated',
      manager: 'default',
      spread: scrolled ? 'none' : 'auto',
      minSpreadWidth: 900,
      allowScriptedContent: false,
    });
    this.rendition = rendition;
    this.renditionHooks = spineHooks.slice(hooksBefore);
    rendition.hooks.content.register((contents: Contents) =>
      applyCss(contents, epubCss(this.settings)),
    );

    rendition.on('relocated', (location: Location) => {
      this.location = location;
      this.report();
    });
    rendition.on('selected', (cfiRange: string, contents: Contents) => {
      const text = contents.window.getSelection()?.toString().trim() ?? '';
      this.events.onSelection(text ? { position: cfiRange, text } : null);
    });
    rendition.on('keydown', (event: KeyboardEvent) => this.events.onKey(event));
    rendition.on('touchstart', (event: TouchEvent) => this.onTouchStart(event));
    rendition.on('touchend', (event: TouchEvent) => this.onTouchEnd(event));
    rendition.on('mousedown', () => this.events.onSelection(null));

    await rendition
      .display(position ?? this.firstLinearHref())
      .catch(() => rendition.display(this.firstLinearHref()));
    if (this.rendition !== rendition) return;
    this.displayed = true;
    for (const annotation of this.highlights.values()) this.draw(annotation);
  }

  private onTouchStart(event: TouchEvent): void {
    const t = event.changedTouches[0];
    if (t) this.touch = { x: t.screenX, y: t.screenY, t: Date.now() };
  }

  private onTouchEnd(event: TouchEvent): void {
    const start = this.touch;
    const t = event.changedTouches[0];
    this.touch = null;
    if (!start || !t || this.settings.flow !== 'paginated') return;
    const dx = t.screenX - start.x;
    const dy = t.screenY - start.y;
    if (Date.now() - start.t > 800 || Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dy) > Math.abs(dx)) {
      return;
    }
    const selection = (event.target as Node | null)?.ownerDocument?.getSelection();
    if (selection && !selection.isCollapsed) return;
    if (dx < 0) this.next();
    else this.prev();
  }

  private async loadLocations(): Promise<void> {
    const key = LOCATIONS_PREFIX + this.bookKey;
    try {
      const cached = window.localStorage.getItem(key);
      if (cached) {
        this.book.locations.load(cached);
        this.locationsReady = this.book.locations.length() > 0;
      }
    } catch {
      /* regenerate below */
    }
    if (!this.locationsReady) {
      await this.book.locations.generate(LOCATIONS_CHARS);
      if (this.destroyed) return;
      this.locationsReady = true;
      try {
        window.localStorage.setItem(key, this.book.locations.save());
      } catch {
        /* too big for storage: counted again next time */
      }
    }
    this.report();
  }

  /** Where reading starts: the first section in reading order (linear="yes"), not a cover. */
  private firstLinearHref(): string | undefined {
    for (let i = 0; i < this.spineLength(); i++) {
      const section = this.book.spine.get(i) as unknown as SpineSection | null;
      if (section?.linear === 'yes') return section.href;
    }
    return undefined;
  }

  /** epub.js cannot page out of a non-linear section (a cover, a contents page): step by index. */
  private neighbour(step: 1 | -1): SpineSection | null {
    const location = this.location;
    if (!location) return null;
    const edge = step === 1 ? location.end : location.start;
    const section = this.book.spine.get(edge.index) as unknown as SpineSection | null;
    if (!section || section.linear === 'yes') return null;
    const onEdge =
      step === 1 ? edge.displayed.page >= edge.displayed.total : edge.displayed.page <= 1;
    if (!onEdge) return null;
    return (this.book.spine.get(edge.index + step) as unknown as SpineSection | null) ?? null;
  }

  /** The book-wide hooks each rendition adds (epub.js never removes them). */
  private spineContentHooks(): unknown[] {
    return (this.book.spine as unknown as { hooks: { content: { hooks: unknown[] } } }).hooks
      .content.hooks;
  }

  /** Destroys the rendition and takes its hooks off the book, which may render again. */
  private dropRendition(): void {
    this.rendition?.destroy();
    this.rendition = null;
    const hooks = this.spineContentHooks();
    for (const hook of this.renditionHooks) {
      const i = hooks.indexOf(hook);
      if (i !== -1) hooks.splice(i, 1);
    }
    this.renditionHooks = [];
  }

  private spineLength(): number {
    return (this.book.spine as unknown as { length: number }).length;
  }

  private chapterOf(href: string): string | null {
    const path = stripHash(href);
    let found: TocItem | null = null;
    for (const item of this.toc) {
      const target = stripHash(item.target);
      if (target && (path.endsWith(target) || target.endsWith(path))) {
        found = item;
        break;
      }
    }
    return found?.label ?? null;
  }

  private report(): void {
    const location = this.location;
    if (!location || this.destroyed) return;
    const { start } = location;
    const spineLength = Math.max(1, this.spineLength());
    let progress: number;
    if (this.locationsReady) {
      progress = this.book.locations.percentageFromCfi(start.cfi);
    } else {
      const within =
        start.displayed.total > 0 ? (start.displayed.page - 1) / start.displayed.total : 0;
      progress = (start.index + within) / spineLength;
    }
    const last = location.end.index >= this.spineLength() - 1;
    if (last && location.end.displayed.page >= location.end.displayed.total) progress = 1;
    const paged = this.settings.flow === 'paginated' && start.displayed.total > 0;
    this.events.onLocation({
      position: start.cfi,
      progress: Math.min(1, Math.max(0, progress)),
      exact: this.locationsReady,
      chapter: this.chapterOf(start.href),
      pageLabel: paged
        ? `Page ${start.displayed.page} of ${start.displayed.total} in this chapter`
        : null,
      atStart: start.index === 0 && start.displayed.page <= 1,
      atEnd:
        location.end.index >= this.spineLength() - 1 &&
        location.end.displayed.page >= location.end.displayed.total,
    });
  }

  next(): void {
    const jump = this.neighbour(1);
    if (jump) void this.rendition?.display(jump.href);
    else void this.rendition?.next();
  }

  prev(): void {
    const jump = this.neighbour(-1);
    if (jump) void this.rendition?.display(jump.href);
    else void this.rendition?.prev();
  }

  async goTo(target: string): Promise<void> {
    await this.rendition?.display(target);
  }

  async goToFraction(fraction: number): Promise<void> {
    const f = Math.min(1, Math.max(0, fraction));
    if (this.locationsReady) {
      await this.goTo(this.book.locations.cfiFromPercentage(f));
      return;
    }
    const index = Math.min(this.spineLength() - 1, Math.floor(f * this.spineLength()));
    const section = this.book.spine.get(index);
    if (section) await this.goTo(section.href);
  }

  applySettings(settings: ReaderSettings): void {
    const before = this.settings;
    this.settings = settings;
    if (!this.rendition) return;
    if (before.flow !== settings.flow) {
      const at = this.location?.start.cfi ?? null;
      this.dropRendition();
      void this.render(at);
      return;
    }
    const css = epubCss(settings);
    for (const contents of this.rendition.getContents() as unknown as Contents[])
      applyCss(contents, css);
  }

  private draw(annotation: Annotation): void {
    this.rendition?.annotations.highlight(
      annotation.position,
      { id: annotation.id },
      () => this.events.onHighlightClick(annotation.id),
      'mangu-highlight',
      {
        fill: HIGHLIGHT_FILLS[annotation.color ?? 'yellow'] ?? HIGHLIGHT_FILLS.yellow,
        'fill-opacity': '0.35',
        'mix-blend-mode': 'multiply',
      },
    );
  }

  setHighlights(annotations: Annotation[]): void {
    const next = new Map<string, Annotation>(
      annotations
        .filter((a) => a.kind === 'highlight')
        .map((a): [string, Annotation] => [`${a.id}:${a.position}:${a.color ?? ''}`, a]),
    );
    const rendition = this.displayed ? this.rendition : null;
    for (const [key, annotation] of this.highlights) {
      if (!next.has(key)) rendition?.annotations.remove(annotation.position, 'highlight');
    }
    const added = [...next.entries()].filter(([key]) => !this.highlights.has(key));
    this.highlights = next;
    if (rendition) for (const [, annotation] of added) this.draw(annotation);
  }

  isVisible(position: string): boolean {
    const location = this.location;
    if (!location || !position.startsWith('epubcfi(')) return false;
    try {
      return (
        this.cfi.compare(position, location.start.cfi) >= 0 &&
        this.cfi.compare(position, location.end.cfi) <= 0
      );
    } catch {
      return false;
    }
  }

  comparePositions(a: string, b: string): number {
    try {
      return this.cfi.compare(a, b);
    } catch {
      return 0;
    }
  }

  describePosition(position: string): string {
    if (!this.locationsReady) return '';
    try {
      return `${Math.round(this.book.locations.percentageFromCfi(position) * 100)}%`;
    } catch {
      return '';
    }
  }

  clearSelection(): void {
    const contents = this.rendition?.getContents() as unknown as Contents[] | undefined;
    for (const content of contents ?? []) content.window.getSelection()?.removeAllRanges();
  }

  destroy(): void {
    this.destroyed = true;
    this.dropRendition();
    this.book.destroy();
    this.container.replaceChildren();
  }
}
