// A titled, horizontally scrolling row (covers, authors). Touch and trackpads scroll it directly;
// the arrow buttons page it for mouse and keyboard users.
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { cn } from '@/utils/cn';

type ShelfRowProps = {
  title: string;
  /** A line under the title. */
  blurb?: string;
  /** "See all" link or similar, shown at the end of the title line. */
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  'data-testid'?: string;
};

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="size-5">
      <path
        d={direction === 'left' ? 'M12.5 4.5 7 10l5.5 5.5' : 'M7.5 4.5 13 10l-5.5 5.5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

const arrowClasses =
  'hidden size-9 items-center justify-center rounded-full border border-line text-ink transition-colors hover:border-accent hover:text-accent disabled:opacity-30 disabled:hover:border-line disabled:hover:text-ink sm:inline-flex';

export function ShelfRow({ title, blurb, action, children, className, ...rest }: ShelfRowProps) {
  const headingId = useId();
  const scroller = useRef<HTMLUListElement>(null);
  const [edges, setEdges] = useState({ start: true, end: false });

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setEdges({
      start: el.scrollLeft <= 4,
      end: el.scrollLeft + el.clientWidth >= el.scrollWidth - 4,
    });
  }, []);

  useEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure, children]);

  const scrollable = !(edges.start && edges.end);

  const page = (direction: 1 | -1) => {
    const el = scroller.current;
    if (!el) return;
    el.scrollBy({ left: direction * el.clientWidth * 0.85, behavior: 'smooth' });
  };

  return (
    <section aria-labelledby={headingId} className={cn('flex flex-col gap-4', className)} {...rest}>
      <div className="flex items-end justify-between gap-4">
        <div className="min-w-0">
          <h2 id={headingId} className="font-display text-2xl text-ink sm:text-[1.75rem]">
            {title}
          </h2>
          {blurb && <p className="mt-1 text-sm text-ink-muted">{blurb}</p>}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {action}
          {scrollable && (
            <>
              <button
                type="button"
                className={arrowClasses}
                onClick={() => page(-1)}
                disabled={edges.start}
                aria-label={`Scroll ${title} back`}
              >
                <Chevron direction="left" />
              </button>
              <button
                type="button"
                className={arrowClasses}
                onClick={() => page(1)}
                disabled={edges.end}
                aria-label={`Scroll ${title} forward`}
              >
                <Chevron direction="right" />
              </button>
            </>
          )}
        </div>
      </div>
      <ul
        ref={scroller}
        onScroll={measure}
        className="scrollbar-none -mx-(--gutter) flex snap-x snap-mandatory scroll-px-(--gutter) gap-4 overflow-x-auto px-(--gutter) pt-1 pb-4 [--gutter:calc(1rem+max(0px,(100vw-72rem)/2))] sm:gap-5 sm:[--gutter:calc(1.5rem+max(0px,(100vw-72rem)/2))]"
      >
        {children}
      </ul>
    </section>
  );
}

/** One item of a ShelfRow, at a width that shows a little of the next item on phones. */
export function ShelfItem({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <li className={cn('w-[8.5rem] shrink-0 snap-start sm:w-40 lg:w-44', className)}>{children}</li>
  );
}
