// PDF through pdf.js: pages drawn on canvases, one screen-fitted page at a time (paginated) or
// all pages in a column drawn as they scroll into view (scrolled). Positions are "page:N". The
// worker is bundled by Vite (no CDN); eval and WebAssembly stay off to fit the server's CSP.
import {
  GlobalWorkerOptions,
  type PDFDocumentProxy,
  type PDFPageProxy,
  type RenderTask,
  getDocument,
} from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { type ReaderSettings } from '../schema';
import { readerThemes } from '../utils/reader-settings';
import { type EngineEvents, type ReaderEngine, type TocItem } from './types';

GlobalWorkerOptions.workerSrc = workerUrl;

const PAGE_GAP_PX = 16;
const SWIPE_MIN_PX = 45;
const MAX_TOC = 500;

type OutlineNode = { title: string; dest: string | unknown[] | null; items: OutlineNode[] };

export function pageFromPosition(position: string | null | undefined): number | null {
  const match = /^page:(\d{1,6})$/.exec(position ?? '');
  return match ? Number(match[1]) : null;
}

export class PdfEngine implements ReaderEngine {
  readonly kind = 'pdf' as const;
  readonly canHighlight = false;
  private doc: PDFDocumentProxy | null = null;
  private page = 1;
  private settings: ReaderSettings;
  private destroyed = false;
  private tasks = new Map<number, RenderTask>();
  private rendered = new Map<number, string>();
  private observer: IntersectionObserver | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private pageBoxes: HTMLElement[] = [];
  private touch: { x: number; y: number; t: number } | null = null;
  private scrollFrame = 0;
  private lastWidth = 0;
  private lastHeight = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly data: ArrayBuffer,
    settings: ReaderSettings,
    private readonly events: EngineEvents,
  ) {
    this.settings = settings;
  }

  async open(position: string | null): Promise<void> {
    // pdf.js hands the buffer to its worker; give it a copy so the caller's stays usable.
    const doc = await getDocument({
      data: new Uint8Array(this.data.slice(0)),
      isEvalSupported: false,
      useWasm: false,
    }).promise;
    if (this.destroyed) {
      void doc.destroy();
      return;
    }
    this.doc = doc;
    this.page = Math.min(doc.numPages, Math.max(1, pageFromPosition(position) ?? 1));
    void this.loadToc();
    this.container.addEventListener('touchstart', this.onTouchStart, { passive: true });
    this.container.addEventListener('touchend', this.onTouchEnd, { passive: true });
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(this.container);
    await this.layout();
  }

  private async loadToc(): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const outline = ((await doc.getOutline()) ?? []) as OutlineNode[];
    const items: TocItem[] = [];
    const walk = async (nodes: OutlineNode[], depth: number) => {
      for (const node of nodes) {
        if (items.length >= MAX_TOC) return;
        const page = await this.pageOfDest(node.dest).catch(() => null);
        if (page)
          items.push({ id: `o${items.length}`, label: node.title, target: `page:${page}`, depth });
        if (node.items.length) await walk(node.items, depth + 1);
      }
    };
    await walk(outline, 0);
    if (items.length === 0 && doc.numPages > 1) {
      for (let n = 1; n <= Math.min(doc.numPages, MAX_TOC); n++) {
        items.push({ id: `p${n}`, label: `Page ${n}`, target: `page:${n}`, depth: 0 });
      }
    }
    if (!this.destroyed) this.events.onToc(items);
  }

  private async pageOfDest(dest: OutlineNode['dest']): Promise<number | null> {
    const doc = this.doc;
    if (!doc || !dest) return null;
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const ref: unknown = explicit?.[0];
    if (ref && typeof ref === 'object') {
      return (await doc.getPageIndex(ref as Parameters<PDFDocumentProxy['getPageIndex']>[0])) + 1;
    }
    return typeof ref === 'number' ? ref + 1 : null;
  }

  private colors(): { background: string; foreground: string } | undefined {
    if (this.settings.theme === 'light') return undefined;
    const theme = readerThemes[this.settings.theme];
    return { background: theme.background, foreground: theme.text };
  }

  private async layout(): Promise<void> {
    this.cancelAll();
    this.observer?.disconnect();
    this.observer = null;
    this.rendered.clear();
    this.pageBoxes = [];
    this.container.replaceChildren();
    this.lastWidth = this.container.clientWidth;
    this.lastHeight = this.container.clientHeight;
    if (this.settings.flow === 'scrolled') await this.layoutScrolled();
    else await this.showPage(this.page);
  }

  /** The scale that fits `page` into the container (whole page, or width only when scrolling). */
  private scaleFor(page: PDFPageProxy): number {
    const base = page.getViewport({ scale: 1 });
    const width = Math.max(100, this.container.clientWidth - 32);
    const height = Math.max(100, this.container.clientHeight - 32);
    const fit =
      this.settings.flow === 'scrolled'
        ? Math.min(width / base.width, 1.6)
        : Math.min(width / base.width, height / base.height);
    return fit * (this.settings.fontSize / 100);
  }

  private async draw(pageNumber: number, canvas: HTMLCanvasElement): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale: this.scaleFor(page) });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    this.tasks.get(pageNumber)?.cancel();
    const colors = this.colors();
    const task = page.render({
      canvas,
      viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
      ...(colors ? { pageColors: colors } : {}),
    });
    this.tasks.set(pageNumber, task);
    try {
      await task.promise;
    } catch {
      /* cancelled by a newer render */
    } finally {
      if (this.tasks.get(pageNumber) === task) this.tasks.delete(pageNumber);
    }
  }

  private pageCanvas(): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.className =
      'block shadow-[0_12px_40px_-12px_rgba(0,0,0,0.45)] outline outline-[var(--reader-line)]';
    canvas.setAttribute('role', 'img');
    return canvas;
  }

  private async showPage(pageNumber: number): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    this.page = Math.min(doc.numPages, Math.max(1, pageNumber));
    let box = this.pageBoxes[0];
    if (!box) {
      box = document.createElement('div');
      box.className = 'flex min-h-full min-w-full items-center justify-center p-4';
      this.container.replaceChildren(box);
      this.pageBoxes = [box];
    }
    const canvas = this.pageCanvas();
    canvas.setAttribute('aria-label', `Page ${this.page} of ${doc.numPages}`);
    canvas.dataset.page = String(this.page);
    const shown = this.page;
    await this.draw(shown, canvas);
    if (this.destroyed || shown !== this.page || this.settings.flow !== 'paginated') return;
    box.replaceChildren(canvas);
    this.container.scrollTo({ top: 0, left: 0 });
    this.report();
  }

  private async layoutScrolled(): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const first = await doc.getPage(1);
    const viewport = first.getViewport({ scale: this.scaleFor(first) });
    const column = document.createElement('div');
    column.className = 'mx-auto flex flex-col items-center py-4';
    column.style.gap = `${PAGE_GAP_PX}px`;
    for (let n = 1; n <= doc.numPages; n++) {
      const box = document.createElement('div');
      box.dataset.page = String(n);
      box.style.width = `${Math.floor(viewport.width)}px`;
      box.style.minHeight = `${Math.floor(viewport.height)}px`;
      box.className = 'relative bg-white/5';
      column.append(box);
      this.pageBoxes.push(box);
    }
    this.container.replaceChildren(column);
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), {
      root: this.container,
      rootMargin: '400px 0px',
    });
    for (const box of this.pageBoxes) this.observer.observe(box);
    this.container.addEventListener('scroll', this.onScroll, { passive: true });
    this.pageBoxes[this.page - 1]?.scrollIntoView({ block: 'start' });
    this.report();
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const box = entry.target as HTMLElement;
      const n = Number(box.dataset.page);
      const key = `${this.settings.fontSize}:${this.settings.theme}:${this.lastWidth}`;
      if (this.rendered.get(n) === key) continue;
      this.rendered.set(n, key);
      const canvas = this.pageCanvas();
      canvas.setAttribute('aria-label', `Page ${n}`);
      void this.draw(n, canvas).then(() => {
        if (!this.destroyed) {
          box.replaceChildren(canvas);
          box.style.minHeight = '';
        }
      });
    }
  }

  private readonly onScroll = () => {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const top = this.container.getBoundingClientRect().top;
      const probe = top + this.container.clientHeight * 0.3;
      const current = this.pageBoxes.findIndex((box) => box.getBoundingClientRect().bottom > probe);
      const page = current === -1 ? this.pageBoxes.length : current + 1;
      if (page !== this.page) {
        this.page = page;
        this.report();
      }
    });
  };

  private readonly onTouchStart = (event: TouchEvent) => {
    const t = event.changedTouches[0];
    if (t) this.touch = { x: t.screenX, y: t.screenY, t: Date.now() };
  };

  private readonly onTouchEnd = (event: TouchEvent) => {
    const start = this.touch;
    const t = event.changedTouches[0];
    this.touch = null;
    if (!start || !t || this.settings.flow !== 'paginated') return;
    const dx = t.screenX - start.x;
    const dy = t.screenY - start.y;
    // A zoomed-in page scrolls sideways: only swipe when the page fits.
    const fits = this.container.scrollWidth <= this.container.clientWidth + 1;
    if (
      !fits ||
      Date.now() - start.t > 800 ||
      Math.abs(dx) < SWIPE_MIN_PX ||
      Math.abs(dy) > Math.abs(dx)
    ) {
      return;
    }
    if (dx < 0) this.next();
    else this.prev();
  };

  private onResize(): void {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    if (Math.abs(width - this.lastWidth) < 2 && Math.abs(height - this.lastHeight) < 2) return;
    void this.layout();
  }

  private report(): void {
    const doc = this.doc;
    if (!doc || this.destroyed) return;
    const total = doc.numPages;
    this.events.onLocation({
      position: `page:${this.page}`,
      progress: total > 0 ? this.page / total : 0,
      exact: true,
      chapter: null,
      pageLabel: `Page ${this.page} of ${total}`,
      atStart: this.page <= 1,
      atEnd: this.page >= total,
    });
  }

  next(): void {
    const doc = this.doc;
    if (!doc || this.page >= doc.numPages) return;
    void this.goToPage(this.page + 1);
  }

  prev(): void {
    if (this.page <= 1) return;
    void this.goToPage(this.page - 1);
  }

  private async goToPage(page: number): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const target = Math.min(doc.numPages, Math.max(1, page));
    if (this.settings.flow === 'scrolled') {
      this.pageBoxes[target - 1]?.scrollIntoView({ block: 'start' });
      this.page = target;
      this.report();
      return;
    }
    await this.showPage(target);
  }

  async goTo(target: string): Promise<void> {
    const page = pageFromPosition(target);
    if (page) await this.goToPage(page);
  }

  async goToFraction(fraction: number): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    await this.goToPage(Math.max(1, Math.ceil(Math.min(1, Math.max(0, fraction)) * doc.numPages)));
  }

  applySettings(settings: ReaderSettings): void {
    this.settings = settings;
    if (!this.doc) return;
    this.container.removeEventListener('scroll', this.onScroll);
    void this.layout();
  }

  setHighlights(): void {
    /* PDF highlights are not supported: pages are drawn as images */
  }

  isVisible(position: string): boolean {
    return pageFromPosition(position) === this.page;
  }

  comparePositions(a: string, b: string): number {
    return (pageFromPosition(a) ?? 0) - (pageFromPosition(b) ?? 0);
  }

  describePosition(position: string): string {
    const page = pageFromPosition(position);
    return page ? `Page ${page}` : '';
  }

  clearSelection(): void {
    window.getSelection()?.removeAllRanges();
  }

  private cancelAll(): void {
    for (const task of this.tasks.values()) task.cancel();
    this.tasks.clear();
  }

  destroy(): void {
    this.destroyed = true;
    this.cancelAll();
    this.observer?.disconnect();
    this.resizeObserver?.disconnect();
    cancelAnimationFrame(this.scrollFrame);
    this.container.removeEventListener('scroll', this.onScroll);
    this.container.removeEventListener('touchstart', this.onTouchStart);
    this.container.removeEventListener('touchend', this.onTouchEnd);
    this.container.replaceChildren();
    void this.doc?.destroy();
    this.doc = null;
  }
}
