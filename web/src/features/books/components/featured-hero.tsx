// The home page's cinematic hero: one featured book large over its own blurred cover, with a
// picker for the others.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { BookCover } from '@/components/catalog/book-cover';
import { PriceTag } from '@/components/catalog/price-tag';
import { RatingStars } from '@/components/catalog/rating-stars';
import { buttonClasses } from '@/components/ui/button';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { type BookSummary } from '@/lib/catalog-schema';
import { formatBookFormat, formatLanguage, joinNames } from '@/utils/catalog-format';
import { getBookQueryOptions } from '../api/get-book';
import { useBookShelf } from '../api/get-book-shelf';
import { FeaturedPicker } from './featured-picker';

function HeroFrame({
  backdrop,
  children,
}: {
  backdrop?: string | null;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-label="Featured"
      data-testid="featured-hero"
      className="relative isolate mx-[calc(50%-50vw)] -mt-10 overflow-hidden sm:-mt-16"
    >
      <div aria-hidden="true" className="absolute inset-0 -z-10 bg-canvas">
        {backdrop && (
          <img
            key={backdrop}
            src={backdrop}
            alt=""
            className="size-full scale-125 object-cover opacity-45 blur-3xl saturate-150 dark:opacity-70"
          />
        )}
        <div className="absolute inset-0 bg-linear-to-r from-canvas via-canvas/85 to-canvas/30" />
        <div className="absolute inset-x-0 bottom-0 h-1/3 bg-linear-to-t from-canvas to-transparent" />
      </div>
      <div className="mx-auto max-w-6xl px-4 pt-10 pb-14 sm:px-6 sm:pt-16 sm:pb-20 lg:pt-20 lg:pb-24">
        {children}
      </div>
    </section>
  );
}

function HeroSlide({ book }: { book: BookSummary }) {
  const detail = useQuery(getBookQueryOptions(book.slug));
  const authors = joinNames(book.authors.map((a) => a.name));
  const description = detail.data?.description?.split(/\n\s*\n/)[0];

  return (
    <div className="grid items-center gap-8 text-ink sm:grid-cols-[1fr_auto] lg:gap-16">
      <div className="flex max-w-2xl flex-col gap-4 sm:gap-5">
        <p className="text-xs font-semibold tracking-[0.3em] text-accent uppercase">
          Featured this week
        </p>
        <h2 className="font-display text-4xl leading-[1.05] text-balance sm:text-5xl lg:text-6xl">
          {book.title}
        </h2>
        {book.subtitle && <p className="-mt-2 text-lg text-ink-muted">{book.subtitle}</p>}
        <p className="text-base text-ink-muted">
          by{' '}
          {book.authors.map((author, i) => (
            <span key={author.id}>
              {i > 0 && (i === book.authors.length - 1 ? ' and ' : ', ')}
              <Link
                to="/authors/$slug"
                params={{ slug: author.slug }}
                className="font-medium text-ink underline-offset-4 hover:text-accent hover:underline"
              >
                {author.name}
              </Link>
            </span>
          ))}
        </p>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-ink-muted">
          <RatingStars avg={book.rating_avg} count={book.rating_count} />
          <span aria-hidden="true" className="text-ink-muted/60">
            •
          </span>
          <span>{formatLanguage(book.language)}</span>
          <span aria-hidden="true" className="text-ink-muted/60">
            •
          </span>
          <span>{formatBookFormat(book.format)}</span>
        </div>
        <p className="line-clamp-3 min-h-[4.5em] max-w-xl text-pretty text-ink/85">
          {description ?? (detail.isPending ? '' : `A new book from ${authors}.`)}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <Link
            to="/books/$slug"
            params={{ slug: book.slug }}
            className={buttonClasses('primary', 'h-12 px-6 text-base')}
          >
            View book
          </Link>
          <span className="rounded-full border border-line bg-surface/40 px-4 py-2.5 text-base backdrop-blur">
            <PriceTag item={book} />
          </span>
        </div>
      </div>
      <Link
        to="/books/$slug"
        params={{ slug: book.slug }}
        tabIndex={-1}
        aria-hidden="true"
        className="hidden w-56 -rotate-2 transition-transform duration-500 hover:rotate-0 sm:block lg:w-72"
      >
        <BookCover
          src={book.cover_url}
          title={book.title}
          author={authors}
          eager
          alt=""
          className="shadow-[0_40px_80px_-20px_rgb(0_0_0/0.8)]"
        />
      </Link>
    </div>
  );
}

function HeroSkeleton() {
  return (
    <div aria-busy="true" className="grid items-center gap-8 sm:grid-cols-[1fr_auto] lg:gap-16">
      <span className="sr-only">Loading featured books…</span>
      <div className="flex flex-col gap-5">
        <Skeleton className="h-3 w-40" />
        <Skeleton className="h-14 w-4/5" />
        <Skeleton className="h-5 w-48" />
        <Skeleton className="h-4 w-64" />
        <Skeleton className="h-16 w-full max-w-xl" />
        <Skeleton className="h-12 w-40 rounded-full" />
      </div>
      <Skeleton className="hidden aspect-2/3 w-56 sm:block lg:w-72" />
    </div>
  );
}

export function FeaturedHero() {
  const query = useBookShelf('featured');
  const [active, setActive] = useState(0);
  const books = query.data ?? [];
  const book = books[Math.min(active, books.length - 1)];

  if (query.error) {
    return (
      <HeroFrame>
        <QueryError
          title="Featured books could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </HeroFrame>
    );
  }
  if (query.data && !book) return null;

  return (
    <HeroFrame backdrop={book?.cover_url}>
      {book ? (
        <div className="flex flex-col gap-8">
          <HeroSlide book={book} />
          {books.length > 1 && <FeaturedPicker books={books} active={active} onPick={setActive} />}
        </div>
      ) : (
        <HeroSkeleton />
      )}
    </HeroFrame>
  );
}
