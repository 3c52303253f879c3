// The top of a book page: the cover over a blurred wash of itself, title, authors, rating,
// price and the actions.
import { Link } from '@tanstack/react-router';
import { BookCover } from '@/components/catalog/book-cover';
import { PriceTag } from '@/components/catalog/price-tag';
import { RatingStars } from '@/components/catalog/rating-stars';
import { formatBookFormat, formatLanguage, formatYear, joinNames } from '@/utils/catalog-format';
import { type BookDetail } from '../schema';
import { type BookActionSlots, BookActions } from './book-actions';

function AuthorLinks({ book }: { book: BookDetail }) {
  return (
    <p className="text-lg text-ink-muted">
      by{' '}
      {book.authors.map((author, i) => (
        <span key={author.id}>
          {i > 0 && (i === book.authors.length - 1 ? ' and ' : ', ')}
          <Link
            to="/authors/$slug"
            params={{ slug: author.slug }}
            className="font-medium text-ink underline decoration-accent/40 underline-offset-4 hover:text-accent hover:decoration-accent"
          >
            {author.name}
          </Link>
        </span>
      ))}
    </p>
  );
}

export function BookHeader({ book, ...slots }: { book: BookDetail } & BookActionSlots) {
  const year = formatYear(book.published_at);
  const facts = [
    formatBookFormat(book.format),
    formatLanguage(book.language),
    book.page_count ? `${book.page_count.toLocaleString()} pages` : null,
    year || null,
  ].filter(Boolean);
  const category = book.categories[0];

  return (
    <div className="relative isolate">
      {book.cover_url && (
        <div
          aria-hidden="true"
          className="absolute inset-x-[calc(50%-50vw)] -top-10 -z-10 h-[calc(100%+2.5rem)] overflow-hidden sm:-top-16 sm:h-[calc(100%+4rem)]"
        >
          <img
            src={book.cover_url}
            alt=""
            className="size-full scale-125 object-cover opacity-35 blur-3xl saturate-150 dark:opacity-40"
          />
          <div className="absolute inset-0 bg-linear-to-b from-canvas/40 via-canvas/70 to-canvas" />
        </div>
      )}
      <div className="grid gap-8 sm:grid-cols-[minmax(0,16rem)_1fr] sm:gap-10 lg:grid-cols-[18rem_1fr] lg:gap-14">
        <BookCover
          src={book.cover_url}
          title={book.title}
          author={joinNames(book.authors.map((a) => a.name))}
          eager
          className="mx-auto w-48 shadow-[0_40px_80px_-24px_var(--shadow)] sm:mx-0 sm:w-full"
        />
        <div className="flex min-w-0 flex-col gap-4">
          {category && (
            <Link
              to="/categories/$slug"
              params={{ slug: category.slug }}
              className="self-start text-xs font-semibold tracking-[0.25em] text-accent uppercase hover:underline"
            >
              {category.name}
            </Link>
          )}
          <div>
            <h1 className="font-display text-4xl leading-tight text-balance text-ink sm:text-5xl">
              {book.title}
            </h1>
            {book.subtitle && <p className="mt-2 text-xl text-ink-muted">{book.subtitle}</p>}
          </div>
          <AuthorLinks book={book} />
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-muted">
            <RatingStars avg={book.rating_avg} count={book.rating_count} className="text-base" />
            <span>{facts.join(' · ')}</span>
          </div>
          <p className="mt-2 text-3xl">
            <span className="sr-only">Price: </span>
            <PriceTag item={book} />
          </p>
          <BookActions book={book} {...slots} />
        </div>
      </div>
    </div>
  );
}
