// A book page's body: header, description, details table, categories and related books.
import { Link } from '@tanstack/react-router';
import { type ReactNode } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { type BookDetail } from '../schema';
import { type BookActionSlots } from './book-actions';
import { BookDescription } from './book-description';
import { BookFacts } from './book-facts';
import { BookHeader } from './book-header';
import { BookRow } from './book-row';

function CategoryChips({ book }: { book: BookDetail }) {
  if (book.categories.length === 0) return null;
  return (
    <section aria-labelledby="book-categories-heading" className="flex flex-col gap-3">
      <h2 id="book-categories-heading" className="text-sm font-semibold text-ink-muted">
        Categories
      </h2>
      <ul className="flex flex-wrap gap-2">
        {book.categories.map((c) => (
          <li key={c.id}>
            <Link
              to="/categories/$slug"
              params={{ slug: c.slug }}
              className="inline-flex h-9 items-center rounded-full border border-line bg-surface/60 px-4 text-sm text-ink transition-colors hover:border-accent hover:text-accent"
            >
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The route hands down the other features' parts: `buy` (features/cart), `library` and
 * `wishlist` (the reading buttons), and `reviews` (features/reviews, shown after the details).
 */
export function BookDetails({
  book,
  reviews,
  ...slots
}: { book: BookDetail; reviews?: ReactNode } & BookActionSlots) {
  return (
    <article data-testid="book-details" className="flex flex-col gap-14 sm:gap-16">
      <BookHeader book={book} {...slots} />
      <div className="grid gap-12 lg:grid-cols-[1fr_22rem] lg:gap-16">
        <div className="flex flex-col gap-8">
          <BookDescription text={book.description} />
          <CategoryChips book={book} />
        </div>
        <BookFacts book={book} />
      </div>
      {reviews}
      {book.related.length > 0 && (
        <BookRow title="You might also like" books={book.related} data-testid="related-books" />
      )}
    </article>
  );
}

export function BookDetailsSkeleton() {
  return (
    <div aria-busy="true" className="flex flex-col gap-14">
      <span className="sr-only">Loading the book…</span>
      <div className="grid gap-8 sm:grid-cols-[minmax(0,16rem)_1fr] sm:gap-10 lg:grid-cols-[18rem_1fr] lg:gap-14">
        <Skeleton className="mx-auto aspect-2/3 w-48 sm:mx-0 sm:w-full" />
        <div className="flex flex-col gap-4">
          <Skeleton className="h-3 w-28" />
          <Skeleton className="h-12 w-4/5" />
          <Skeleton className="h-6 w-56" />
          <Skeleton className="h-5 w-72" />
          <Skeleton className="mt-2 h-9 w-24" />
          <div className="flex gap-3">
            <Skeleton className="h-12 w-36 rounded-full" />
            <Skeleton className="h-12 w-32 rounded-full" />
          </div>
        </div>
      </div>
      <div className="flex flex-col gap-3">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-4 w-full max-w-prose" />
        <Skeleton className="h-4 w-full max-w-prose" />
        <Skeleton className="h-4 w-2/3 max-w-prose" />
      </div>
    </div>
  );
}
