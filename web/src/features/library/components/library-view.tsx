// The library page's body: owned books with their progress, sortable, or an invitation to the
// store when there are none yet.
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { QueryError } from '@/components/ui/query-error';
import { controlClasses } from '@/components/ui/field-shell';
import { useLibrary } from '../api/get-library';
import { type LibrarySort, librarySortLabels, librarySortValues } from '../schema';
import { LibraryCard, LibraryCardSkeleton } from './library-card';

const grid =
  'grid grid-cols-2 gap-x-4 gap-y-8 min-[480px]:grid-cols-3 sm:gap-x-5 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6';

function SortControl({
  sort,
  onChange,
}: {
  sort: LibrarySort;
  onChange: (s: LibrarySort) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm whitespace-nowrap text-ink-muted">
        Sort by
      </label>
      <select
        id={id}
        value={sort}
        onChange={(event) => onChange(event.target.value as LibrarySort)}
        className={`${controlClasses} h-10 w-44 border-line`}
      >
        {librarySortValues.map((value) => (
          <option key={value} value={value}>
            {librarySortLabels[value]}
          </option>
        ))}
      </select>
    </div>
  );
}

function EmptyLibrary() {
  return (
    <div
      data-testid="library-empty"
      className="flex flex-col items-center gap-4 rounded-2xl border border-dashed border-line px-6 py-16 text-center"
    >
      <svg viewBox="0 0 48 48" aria-hidden="true" className="size-12 text-accent">
        <path
          d="M8 10c6-2 11-1 16 3 5-4 10-5 16-3v28c-6-2-11-1-16 3-5-4-10-5-16-3z M24 13v28"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      <h2 className="font-display text-2xl text-ink">Your library is empty</h2>
      <p className="max-w-md text-sm text-ink-muted">
        Books you buy or add for free appear here, ready to read on any device. Start with one of
        the free classics.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <Link to="/books" search={{ price: 'free' }} className={buttonClasses('primary')}>
          Browse free books
        </Link>
        <Link to="/books" className={buttonClasses('secondary')}>
          Visit the store
        </Link>
      </div>
    </div>
  );
}

export function LibraryView({
  sort,
  onSortChange,
}: {
  sort: LibrarySort;
  onSortChange: (sort: LibrarySort) => void;
}) {
  const query = useLibrary(sort);
  const total = query.data?.total;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-display text-4xl text-ink">Your library</h1>
          <p className="mt-1 text-sm text-ink-muted" aria-live="polite">
            {total === undefined ? ' ' : `${total} ${total === 1 ? 'book' : 'books'}`}
          </p>
        </div>
        {total !== 0 && <SortControl sort={sort} onChange={onSortChange} />}
      </div>
      {query.error && !query.data ? (
        <QueryError
          title="Your library could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : !query.data ? (
        <div aria-busy="true" className={grid}>
          <span className="sr-only">Loading your library…</span>
          {Array.from({ length: 6 }, (_, i) => (
            <LibraryCardSkeleton key={i} />
          ))}
        </div>
      ) : query.data.items.length === 0 ? (
        <EmptyLibrary />
      ) : (
        <ul aria-label="Your books" className={grid} aria-busy={query.isPlaceholderData}>
          {query.data.items.map((entry, i) => (
            <li key={entry.book.id}>
              <LibraryCard entry={entry} eager={i < 6} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
