// Books in a responsive grid, with a skeleton of the same shape while they load.
import { type BookSummary } from '@/lib/catalog-schema';
import { cn } from '@/utils/cn';
import { BookCard, BookCardSkeleton } from './book-card';

const base = 'grid grid-cols-2 gap-x-4 gap-y-8 min-[480px]:grid-cols-3 sm:gap-x-5';

/** `full`: the grid has the page's width; `aside`: it shares the row with a filter column. */
const columns = {
  full: 'md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6',
  aside: 'md:grid-cols-4 xl:grid-cols-5',
};

type Layout = keyof typeof columns;

export function BookGrid({
  books,
  className,
  label,
  layout = 'full',
}: {
  books: BookSummary[];
  className?: string;
  label?: string;
  layout?: Layout;
}) {
  return (
    <ul aria-label={label} className={cn(base, columns[layout], className)}>
      {books.map((book, i) => (
        <li key={book.id}>
          <BookCard book={book} eager={i < 6} />
        </li>
      ))}
    </ul>
  );
}

export function BookGridSkeleton({
  count = 12,
  className,
  layout = 'full',
}: {
  count?: number;
  className?: string;
  layout?: Layout;
}) {
  return (
    <div aria-busy="true" className={cn(base, columns[layout], className)}>
      <span className="sr-only">Loading books…</span>
      {Array.from({ length: count }, (_, i) => (
        <BookCardSkeleton key={i} />
      ))}
    </div>
  );
}
