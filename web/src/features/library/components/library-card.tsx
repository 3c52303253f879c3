// One owned book: the cover opens the reader, the title opens the book's page, and a bar shows
// how far the reader is (and on which device they last read, when it has a name).
import { Link } from '@tanstack/react-router';
import { BookCover } from '@/components/catalog/book-cover';
import { joinNames } from '@/utils/catalog-format';
import { cn } from '@/utils/cn';
import { type LibraryEntry } from '../schema';
import { ReadingProgress } from './reading-progress';

export function LibraryCard({
  entry,
  eager,
  className,
}: {
  entry: LibraryEntry;
  eager?: boolean;
  className?: string;
}) {
  const { book } = entry;
  const authors = joinNames(book.authors.map((a) => a.name));
  const started = Boolean(entry.position) || entry.progress > 0;

  return (
    <article data-testid="library-card" className={cn('group flex flex-col gap-3', className)}>
      <Link
        to="/read/$bookId"
        params={{ bookId: String(book.id) }}
        aria-label={`${started ? 'Continue reading' : 'Start reading'} ${book.title}`}
        className="relative block rounded-md transition-transform duration-300 ease-out group-hover:-translate-y-1 focus-visible:-translate-y-1"
      >
        <BookCover src={book.cover_url} title={book.title} author={authors} alt="" eager={eager} />
        <span className="absolute inset-x-2 bottom-2 flex justify-center opacity-0 transition-opacity group-hover:opacity-100 group-focus-within:opacity-100">
          <span className="rounded-full bg-black/70 px-3 py-1 text-xs font-medium text-white backdrop-blur">
            {started ? 'Continue' : 'Start reading'}
          </span>
        </span>
      </Link>
      <div className="flex min-w-0 flex-col gap-1">
        <h3 className="line-clamp-2 text-sm leading-snug font-semibold text-ink">
          <Link
            to="/books/$slug"
            params={{ slug: book.slug }}
            className="hover:text-accent hover:underline"
          >
            {book.title}
          </Link>
        </h3>
        <p className="truncate text-xs text-ink-muted">{authors}</p>
        <ReadingProgress progress={entry.progress} started={started} className="mt-1.5" />
        {started && entry.position_device_name && (
          <p className="truncate text-xs text-ink-muted" data-testid="last-device">
            Last read on {entry.position_device_name}
          </p>
        )}
      </div>
    </article>
  );
}

export function LibraryCardSkeleton() {
  return (
    <div aria-hidden="true" className="flex flex-col gap-3">
      <div className="aspect-2/3 animate-pulse rounded-md bg-surface-raised" />
      <div className="h-4 w-4/5 animate-pulse rounded bg-surface-raised" />
      <div className="h-1 w-full animate-pulse rounded bg-surface-raised" />
    </div>
  );
}
