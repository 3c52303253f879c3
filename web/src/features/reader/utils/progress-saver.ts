// Sends the reading position to the server at most once per interval: the first move saves at
// once, later moves within the interval are folded into one save when it ends, and flush() sends
// what is waiting right away (the page is being hidden or closed).
export type Position = { position: string; progress: number };
export type SaveOptions = { keepalive: boolean };
export type SaveFn = (position: Position, options: SaveOptions) => Promise<unknown>;

export const SAVE_INTERVAL_MS = 5_000;

function same(a: Position | null, b: Position | null): boolean {
  return Boolean(a && b && a.position === b.position && Math.abs(a.progress - b.progress) < 1e-4);
}

export class ProgressSaver {
  private pending: Position | null = null;
  private lastSent: Position | null = null;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly save: SaveFn,
    private readonly intervalMs = SAVE_INTERVAL_MS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The reader is somewhere new. */
  update(position: Position): void {
    if (this.disposed) return;
    if (same(position, this.lastSent)) {
      this.pending = null;
      return;
    }
    this.pending = position;
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0 && this.timer === undefined) this.send({ keepalive: false });
    else this.schedule(Math.max(wait, 0));
  }

  /** Sends what is waiting now; `keepalive` lets the request outlive the page. */
  flush(options: SaveOptions = { keepalive: false }): void {
    this.cancelTimer();
    this.send(options);
  }

  /** Whether a position is waiting to be sent. */
  get hasPending(): boolean {
    return this.pending !== null;
  }

  /** Stops the timer; what is pending stays unsent (call flush() first to keep it). */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private schedule(wait: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send({ keepalive: false });
    }, wait);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private send(options: SaveOptions): void {
    const position = this.pending;
    if (!position) return;
    this.pending = null;
    if (same(position, this.lastSent)) return;
    this.lastSent = position;
    this.lastSentAt = this.now();
    this.save(position, options).catch(() => {
      // Not saved (offline, server busy): try again after the interval unless a newer one waits.
      if (this.lastSent === position) this.lastSent = null;
      if (!this.pending && !this.disposed) {
        this.pending = position;
        this.schedule(this.intervalMs);
      }
    });
  }
}

/** Flushes `saver` with keepalive whenever the page is hidden or unloaded. Returns a cleanup. */
export function flushWhenHidden(saver: ProgressSaver): () => void {
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') saver.flush({ keepalive: true });
  };
  const onPageHide = () => saver.flush({ keepalive: true });
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
  };
}
