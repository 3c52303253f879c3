// A book in a row or grid: cover, title, authors, rating and price; the whole card links to the book.
import { Link } from '@tanstack/react-router';
import { BookCover } from '@/components/catalog/book-cover';
import { PriceTag } from '@/components/catalog/price-tag';
import { RatingStars } from '@/components/catalog/rating-stars';
import { type BookSummary } from '@/lib/catalog-schema';
import { joinNames } from '@/utils/catalog-format';
import { cn } from '@/utils/cn';

type BookCardProps = {
  book: BookSummary;
  className?: string;
  /** Covers in the first screenful load at once. */
  eager?: boolean;
};

export function BookCard({ book, className, eager }: BookCardProps) {
  const authors = joinNames(book.authors.map((a) => a.name));

  return (
    <article
      data-testid="book-card"
      className={cn('group relative flex flex-col gap-3 rounded-lg', className)}
    >
      <div className="transition-transform duration-300 ease-out group-hover:-translate-y-1 group-focus-within:-translate-y-1">
        <BookCover
          src={book.cover_url}
          title={book.title}
          author={authors}
          alt=""
          eager={eager}
          className="transition-shadow duration-300 group-hover:shadow-[0_26px_50px_-20px_var(--shadow)] group-focus-within:ring-2 group-focus-within:ring-accent"
        />
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <h3 className="line-clamp-2 text-sm leading-snug font-semibold text-ink">
          <Link
            to="/books/$slug"
            params={{ slug: book.slug }}
            className="outline-none after:absolute after:inset-0 after:rounded-lg group-hover:text-accent"
          >
            {book.title}
          </Link>
        </h3>
        <p className="truncate text-xs text-ink-muted">{authors}</p>
        <div className="mt-0.5 flex items-center justify-between gap-2 text-xs">
          <RatingStars avg={book.rating_avg} count={book.rating_count} compact />
          <PriceTag item={book} className="text-sm" />
        </div>
      </div>
    </article>
  );
}

export function BookCardSkeleton({ className }: { className?: string }) {
  return (
    <div aria-hidden="true" className={cn('flex flex-col gap-3', className)}>
      <div className="aspect-2/3 animate-pulse rounded-md bg-surface-raised" />
      <div className="h-4 w-4/5 animate-pulse rounded bg-surface-raised" />
      <div className="h-3 w-1/2 animate-pulse rounded bg-surface-raised" />
    </div>
  );
}
