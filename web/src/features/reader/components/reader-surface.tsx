// The reader itself, once the book's bytes are here: the page (drawn by epub.js or pdf.js), a
// toolbar (back, contents, notes, bookmark, settings, full screen), a footer with the progress
// slider, and the panels. Keys: ←/→ and PageUp/PageDown turn pages, Escape closes a panel;
// on touch screens a swipe turns the page.
import { Link } from '@tanstack/react-router';
import {
  type CSSProperties,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { formErrorMessage } from '@/lib/form-errors';
import { cn } from '@/utils/cn';
import { downloadAnnotations, useCreateAnnotation, useDeleteAnnotation } from '../api/annotations';
import { type BookFileKind, type ContentSource } from '../api/get-book-content';
import { type ReaderBook } from '../api/get-reader-book';
import { loadEngine } from '../engines/load-engine';
import {
  type ReaderEngine,
  type ReaderLocation,
  type ReaderSelection,
  type TocItem,
} from '../engines/types';
import { useProgressSync } from '../hooks/use-progress-sync';
import {
  type Annotation,
  type HighlightColor,
  type Progress,
  type ReaderSettings,
} from '../schema';
import { type Device } from '../utils/device';
import { loadReaderSettings, readerThemes, saveReaderSettings } from '../utils/reader-settings';
import { decideResume, readLocalRecord, writeLocalRecord } from '../utils/resume';
import {
  BackIcon,
  BookmarkIcon,
  FullscreenIcon,
  NextIcon,
  NotesIcon,
  SettingsIcon,
  TocIcon,
} from './icons';
import { NotesPanel } from './notes-panel';
import { ResumeOffer } from './resume-offer';
import { SelectionBar } from './selection-bar';
import { SettingsPanel } from './settings-panel';
import { TocPanel } from './toc-panel';

type Panel = 'toc' | 'notes' | 'settings';

type ReaderSurfaceProps = {
  bookId: string;
  book: ReaderBook;
  kind: BookFileKind;
  data: ArrayBuffer;
  source: ContentSource;
  device: Device;
  /** The server's position when the book opened (owned books). */
  server: Progress | null;
  annotations: Annotation[];
};

function themeVars(settings: ReaderSettings): CSSProperties {
  const theme = readerThemes[settings.theme];
  const dark = settings.theme === 'dark';
  return {
    '--reader-bg': theme.background,
    '--reader-text': theme.text,
    '--reader-muted': theme.muted,
    '--reader-accent': theme.link,
    '--reader-panel': dark ? '#1c1916' : settings.theme === 'sepia' ? '#f8f0e0' : '#ffffff',
    '--reader-line': dark ? 'rgb(255 240 220 / 0.12)' : 'rgb(60 40 20 / 0.14)',
    '--reader-hover': dark ? 'rgb(255 240 220 / 0.07)' : 'rgb(60 40 20 / 0.06)',
    background: theme.background,
    color: theme.text,
    colorScheme: dark ? 'dark' : 'light',
  } as CSSProperties;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('input, textarea, select, [contenteditable="true"]'));
}

const toolButton =
  'inline-flex size-10 shrink-0 items-center justify-center rounded-full transition-colors hover:bg-[var(--reader-hover)] aria-pressed:text-[var(--reader-accent)] aria-expanded:bg-[var(--reader-hover)] disabled:opacity-40';

export function ReaderSurface({
  bookId,
  book,
  kind,
  data,
  source,
  device,
  server,
  annotations,
}: ReaderSurfaceProps) {
  const owned = source === 'owned';
  const rootRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const engineRef = useRef<ReaderEngine | null>(null);
  /** The engine once the book is open, for what the page shows. */
  const [engine, setEngine] = useState<ReaderEngine | null>(null);
  const [settings, setSettings] = useState(loadReaderSettings);
  const settingsRef = useRef(settings);
  const [status, setStatus] = useState<'opening' | 'ready' | 'failed'>('opening');
  const [location, setLocation] = useState<ReaderLocation | null>(null);
  const [toc, setToc] = useState<TocItem[]>([]);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [focusNote, setFocusNote] = useState<number | null>(null);
  const [selection, setSelection] = useState<ReaderSelection | null>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const [scrub, setScrub] = useState<number | null>(null);

  // Where to open, decided once: resume, or open here and offer another device's position.
  const [decision] = useState(() => {
    const local = readLocalRecord(bookId);
    const choice = owned ? decideResume(server, local, device.id) : ({ kind: 'start' } as const);
    if (owned && choice.kind === 'open' && !local && server?.position) {
      // Opening where another device stopped: that position is now this browser's too.
      writeLocalRecord(bookId, { position: server.position, progress: server.progress });
    }
    return choice;
  });
  const sync = useProgressSync({
    bookId,
    device,
    enabled: owned,
    initialOffer: decision.kind === 'offer' && server ? { remote: decision.remote, server } : null,
  });
  const onLocationSync = sync.onLocation;

  const createAnnotation = useCreateAnnotation(bookId);
  const deleteAnnotation = useDeleteAnnotation(bookId);

  const next = useCallback(() => engineRef.current?.next(), []);
  const prev = useCallback(() => engineRef.current?.prev(), []);

  // Keys, from the page and from inside the book's frame.
  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isEditable(event.target)) return;
    if (event.key === 'Escape') {
      if (panel) setPanel(null);
      else if (selection) setSelection(null);
      return;
    }
    if (panel) return;
    // In scroll mode these move a screen at a time, and on to the next chapter at its end.
    const forward = event.key === 'ArrowRight' || event.key === 'PageDown';
    const back = event.key === 'ArrowLeft' || event.key === 'PageUp';
    if (forward || back) {
      event.preventDefault();
      if (forward) next();
      else prev();
    }
  };
  useLayoutEffect(() => {
    keyHandler.current = onKeyDown;
  });
  // The engine: created once per file, destroyed on the way out.
  useEffect(() => {
    const container = pageRef.current;
    if (!container) return;
    let created: ReaderEngine | null = null;
    let cancelled = false;
    const start = decision.kind === 'start' ? null : decision.position;
    void loadEngine(kind)
      .then(async (create) => {
        if (cancelled) return;
        const engine = create(
          container,
          data,
          settingsRef.current,
          {
            onLocation: (next) => {
              setLocation(next);
              onLocationSync(next);
            },
            onSelection: setSelection,
            onToc: setToc,
            onKey: (event) => keyHandler.current(event),
            onHighlightClick: (id) => {
              setFocusNote(id);
              setPanel('notes');
            },
          },
          bookId,
        );
        created = engine;
        engineRef.current = engine;
        await engine.open(start);
        if (!cancelled) {
          setEngine(engine);
          setStatus('ready');
        }
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
      created?.destroy();
      engineRef.current = null;
    };
  }, [bookId, data, decision, kind, onLocationSync]);

  useEffect(() => {
    engine?.setHighlights(annotations);
  }, [annotations, engine]);

  const changeSettings = useCallback((patch: Partial<ReaderSettings>) => {
    const next = { ...settingsRef.current, ...patch };
    settingsRef.current = next;
    setSettings(next);
    saveReaderSettings(next);
    engineRef.current?.applySettings(next);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The reader covers the page: keep the page behind it from scrolling.
  useEffect(() => {
    const { overflow } = document.body.style;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = overflow;
    };
  }, []);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === rootRef.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void rootRef.current?.requestFullscreen?.().catch(() => undefined);
  };

  const currentBookmark =
    location && engine
      ? annotations.find((a) => a.kind === 'bookmark' && engine.isVisible(a.position))
      : undefined;

  const toggleBookmark = () => {
    if (!location) return;
    if (currentBookmark) {
      deleteAnnotation.mutate(currentBookmark.id);
      return;
    }
    const text = location.chapter ?? location.pageLabel ?? undefined;
    createAnnotation.mutate({
      kind: 'bookmark',
      position: location.position,
      ...(text ? { text: text.slice(0, 500) } : {}),
    });
  };

  const highlight = (color: HighlightColor, note: string) => {
    if (!selection) return;
    createAnnotation.mutate(
      {
        kind: 'highlight',
        position: selection.position,
        text: selection.text.slice(0, 2000),
        color,
        ...(note ? { note } : {}),
      },
      {
        onSuccess: () => {
          engineRef.current?.clearSelection();
          setSelection(null);
        },
      },
    );
  };

  const goTo = (target: string) => {
    void engineRef.current?.goTo(target);
    if (window.matchMedia('(max-width: 639px)').matches) setPanel(null);
  };

  const openPanel = (which: Panel) => {
    setFocusNote(null);
    setPanel((current) => (current === which ? null : which));
  };

  const progress = scrub ?? Math.round((location?.progress ?? 0) * 1000);
  const percent = Math.round(progress / 10);
  const commitScrub = () => {
    if (scrub === null) return;
    void engineRef.current?.goToFraction(scrub / 1000);
    setScrub(null);
  };
  const paged = settings.flow === 'paginated';
  const authors = book.authors.map((a) => a.name).join(', ');

  return (
    <div
      ref={rootRef}
      data-testid="reader"
      data-reader-theme={settings.theme}
      data-reader-flow={settings.flow}
      data-position={location?.position ?? ''}
      className="fixed inset-0 z-50 flex flex-col"
      style={themeVars(settings)}
    >
      <header className="flex h-14 shrink-0 items-center gap-0.5 border-b border-[var(--reader-line)] px-1.5 sm:gap-1 sm:px-3">
        <Link
          to={owned ? '/library' : '/books/$slug'}
          params={owned ? undefined : { slug: book.slug }}
          className={toolButton}
          aria-label={owned ? 'Back to your library' : 'Back to the book'}
          title={owned ? 'Library' : 'Back'}
        >
          <BackIcon />
        </Link>
        <div className="mx-1 flex min-w-0 flex-1 flex-col leading-tight">
          <h1 className="truncate text-sm font-semibold">{book.title}</h1>
          <p className="truncate text-xs text-[var(--reader-muted)]">
            {location?.chapter ?? authors}
          </p>
        </div>
        <button
          type="button"
          className={toolButton}
          aria-label="Contents"
          title="Contents"
          aria-expanded={panel === 'toc'}
          onClick={() => openPanel('toc')}
        >
          <TocIcon />
        </button>
        {owned && (
          <>
            <button
              type="button"
              className={toolButton}
              aria-label="Notes and bookmarks"
              title="Notes and bookmarks"
              aria-expanded={panel === 'notes'}
              onClick={() => openPanel('notes')}
            >
              <NotesIcon />
            </button>
            <button
              type="button"
              className={toolButton}
              aria-label={currentBookmark ? 'Remove bookmark' : 'Bookmark this page'}
              title={currentBookmark ? 'Remove bookmark' : 'Bookmark this page'}
              aria-pressed={Boolean(currentBookmark)}
              disabled={!location || createAnnotation.isPending}
              onClick={toggleBookmark}
            >
              <BookmarkIcon filled={Boolean(currentBookmark)} />
            </button>
          </>
        )}
        <button
          type="button"
          className={toolButton}
          aria-label="Reading settings"
          title="Reading settings"
          aria-expanded={panel === 'settings'}
          onClick={() => openPanel('settings')}
        >
          <SettingsIcon />
        </button>
        <button
          type="button"
          className={cn(toolButton, 'max-sm:hidden')}
          aria-label={fullscreen ? 'Leave full screen' : 'Full screen'}
          title={fullscreen ? 'Leave full screen' : 'Full screen'}
          aria-pressed={fullscreen}
          onClick={toggleFullscreen}
        >
          <FullscreenIcon active={fullscreen} />
        </button>
      </header>

      {!owned && (
        <div className="flex shrink-0 items-center justify-center gap-3 border-b border-[var(--reader-line)] px-3 py-2 text-center text-xs sm:text-sm">
          <span className="text-[var(--reader-muted)]">You are reading a free sample.</span>
          <Link
            to="/books/$slug"
            params={{ slug: book.slug }}
            className="font-semibold text-[var(--reader-accent)] hover:underline"
          >
            Get the book
          </Link>
        </div>
      )}

      <div className="relative min-h-0 flex-1">
        <div
          className={cn(
            'absolute inset-0 mx-auto',
            kind === 'epub' && paged && 'max-w-6xl px-4 py-5 sm:px-16 sm:py-8',
            kind === 'epub' && !paged && 'max-w-3xl px-2 sm:px-6',
          )}
        >
          <div
            ref={pageRef}
            data-testid="reader-page"
            className={cn('size-full', kind === 'pdf' ? 'overflow-auto' : 'overflow-hidden')}
          />
        </div>

        {paged && status === 'ready' && (
          <>
            <button
              type="button"
              onClick={prev}
              aria-label="Previous page"
              disabled={location?.atStart}
              className="absolute top-1/2 left-2 z-10 hidden size-11 -translate-y-1/2 items-center justify-center rounded-full text-[var(--reader-muted)] transition-colors hover:bg-[var(--reader-hover)] hover:text-[var(--reader-text)] disabled:opacity-0 sm:inline-flex"
            >
              <BackIcon />
            </button>
            <button
              type="button"
              onClick={next}
              aria-label="Next page"
              disabled={location?.atEnd}
              className="absolute top-1/2 right-2 z-10 hidden size-11 -translate-y-1/2 items-center justify-center rounded-full text-[var(--reader-muted)] transition-colors hover:bg-[var(--reader-hover)] hover:text-[var(--reader-text)] disabled:opacity-0 sm:inline-flex"
            >
              <NextIcon />
            </button>
          </>
        )}

        {status !== 'ready' && (
          <div className="absolute inset-0 z-20 flex flex-col items-center justify-center gap-3 bg-[var(--reader-bg)] text-sm text-[var(--reader-muted)]">
            {status === 'opening' ? (
              <>
                <span className="size-8 animate-spin rounded-full border-2 border-[var(--reader-line)] border-t-[var(--reader-accent)]" />
                <span role="status">Opening {book.title}…</span>
              </>
            ) : (
              <p role="alert" className="max-w-sm text-center">
                This book could not be opened in the browser. The file may be damaged.
              </p>
            )}
          </div>
        )}

        {sync.offer && status === 'ready' && (
          <ResumeOffer
            remote={sync.offer.remote}
            onAccept={() => {
              const target = sync.offer?.remote.position;
              sync.answerOffer();
              if (target) void engineRef.current?.goTo(target);
            }}
            onDismiss={sync.answerOffer}
          />
        )}

        {owned && selection && engine?.canHighlight && (
          <SelectionBar
            key={selection.position}
            text={selection.text}
            pending={createAnnotation.isPending}
            error={createAnnotation.error ? formErrorMessage(createAnnotation.error) : null}
            onHighlight={highlight}
            onCancel={() => {
              engineRef.current?.clearSelection();
              setSelection(null);
            }}
          />
        )}

        {panel === 'toc' && (
          <TocPanel
            items={toc}
            current={location?.chapter ?? null}
            onSelect={(item) => goTo(item.target)}
            onClose={() => setPanel(null)}
          />
        )}
        {panel === 'notes' && owned && (
          <NotesPanel
            bookId={bookId}
            annotations={annotations}
            focusId={focusNote}
            compare={(a, b) => engineRef.current?.comparePositions(a, b) ?? 0}
            describe={(a) => engineRef.current?.describePosition(a.position) ?? ''}
            onSelect={(a) => goTo(a.position)}
            onExport={() => downloadAnnotations(bookId, `${book.slug}-notes.md`)}
            onClose={() => setPanel(null)}
          />
        )}
        {panel === 'settings' && (
          <SettingsPanel
            kind={kind}
            settings={settings}
            onChange={changeSettings}
            onClose={() => setPanel(null)}
          />
        )}
      </div>

      <footer className="flex h-16 shrink-0 items-center gap-2 border-t border-[var(--reader-line)] px-2 sm:gap-4 sm:px-4">
        <button
          type="button"
          onClick={prev}
          className={toolButton}
          aria-label={paged ? 'Previous page' : 'Back'}
          disabled={status !== 'ready' || location?.atStart}
          data-testid="reader-prev"
        >
          <BackIcon />
        </button>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <input
            type="range"
            min={0}
            max={1000}
            step={1}
            value={progress}
            disabled={status !== 'ready'}
            aria-label="Position in the book"
            aria-valuetext={`${percent}%`}
            onChange={(event) => setScrub(Number(event.target.value))}
            onPointerUp={commitScrub}
            onKeyUp={commitScrub}
            onBlur={commitScrub}
            className="h-5 w-full cursor-pointer accent-[var(--reader-accent)]"
          />
          <div className="flex items-center justify-between gap-2 text-[11px] text-[var(--reader-muted)] sm:text-xs">
            <span className="truncate">{location?.pageLabel ?? ''}</span>
            <span data-testid="reader-percent" className="shrink-0 tabular-nums">
              {location ? `${percent}%${location.exact ? '' : ' (estimating)'}` : ''}
            </span>
          </div>
        </div>
        <button
          type="button"
          onClick={next}
          className={toolButton}
          aria-label={paged ? 'Next page' : 'Forward'}
          disabled={status !== 'ready' || location?.atEnd}
          data-testid="reader-next"
        >
          <NextIcon />
        </button>
      </footer>
    </div>
  );
}
