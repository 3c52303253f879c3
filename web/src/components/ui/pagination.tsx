// Page links for a paged list; the page number lives in the URL (?page=N) of the current route.
import { Link } from '@tanstack/react-router';
import { cn } from '@/utils/cn';

type PaginationProps = {
  total: number;
  limit: number;
  offset: number;
  className?: string;
  /** What is being paged, for the landmark's label: "Search results pages". */
  label?: string;
};

/** The pages to show: first, last, and two either side of the current one, gaps as null. */
export function pageWindow(current: number, count: number): Array<number | null> {
  const pages = new Set([1, count, current - 1, current, current + 1]);
  if (current <= 3) [2, 3, 4].forEach((p) => pages.add(p));
  if (current >= count - 2) [count - 3, count - 2, count - 1].forEach((p) => pages.add(p));
  const sorted = [...pages].filter((p) => p >= 1 && p <= count).sort((a, b) => a - b);
  const out: Array<number | null> = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev > 1) out.push(null);
    out.push(p);
  });
  return out;
}

const itemBase =
  'inline-flex h-10 min-w-10 items-center justify-center gap-1.5 rounded-full px-3 text-sm font-medium tabular-nums transition-colors';

function PageLink({
  page,
  current,
  children,
  label,
}: {
  page: number;
  current?: boolean;
  children: React.ReactNode;
  label: string;
}) {
  return (
    <Link
      to="."
      search={(prev: Record<string, unknown>) => ({ ...prev, page: page > 1 ? page : undefined })}
      aria-label={label}
      aria-current={current ? 'page' : undefined}
      resetScroll
      className={cn(
        itemBase,
        current
          ? 'bg-accent text-accent-ink'
          : 'border border-line text-ink hover:border-accent hover:text-accent',
      )}
    >
      {children}
    </Link>
  );
}

export function Pagination({ total, limit, offset, className, label = 'Pages' }: PaginationProps) {
  const count = Math.max(1, Math.ceil(total / limit));
  if (count <= 1) return null;
  const current = Math.min(count, Math.floor(offset / limit) + 1);

  return (
    <nav aria-label={label} className={cn('flex justify-center', className)}>
      <ul className="flex flex-wrap items-center justify-center gap-2">
        {current > 1 && (
          <li>
            <PageLink page={current - 1} label="Previous page">
              ← <span className="hidden sm:inline">Previous</span>
            </PageLink>
          </li>
        )}
        {pageWindow(current, count).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-ink-muted">
              …
            </li>
          ) : (
            <li key={p}>
              <PageLink page={p} current={p === current} label={`Page ${p}`}>
                {p}
              </PageLink>
            </li>
          ),
        )}
        {current < count && (
          <li>
            <PageLink page={current + 1} label="Next page">
              <span className="hidden sm:inline">Next</span> →
            </PageLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
