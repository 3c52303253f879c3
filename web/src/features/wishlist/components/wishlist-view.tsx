// The wishlist page's body: the books I want, each with a way to take it off the list.
import { Link } from '@tanstack/react-router';
import { BookCover } from '@/components/catalog/book-cover';
import { PriceTag } from '@/components/catalog/price-tag';
import { buttonClasses } from '@/components/ui/button';
import { QueryError } from '@/components/ui/query-error';
import { type BookSummary } from '@/lib/catalog-schema';
import { joinNames } from '@/utils/catalog-format';
import { useWishlist } from '../api/get-wishlist';
import { useSetWishlisted } from '../api/toggle-wishlist';

const grid =
  'grid grid-cols-2 gap-x-4 gap-y-8 min-[480px]:grid-cols-3 sm:gap-x-5 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6';

function WishlistCard({ book, onRemove }: { book: BookSummary; onRemove: () => void }) {
  const authors = joinNames(book.authors.map((a) => a.name));
  return (
    <article data-testid="wishlist-card" className="group flex flex-col gap-3">
      <Link to="/books/$slug" params={{ slug: book.slug }} tabIndex={-1} aria-hidden="true">
        <BookCover src={book.cover_url} title={book.title} author={authors} alt="" />
      </Link>
      <div className="flex min-w-0 flex-col gap-1">
        <h3 className="line-clamp-2 text-sm leading-snug font-semibold text-ink">
          <Link to="/books/$slug" params={{ slug: book.slug }} className="hover:text-accent">
            {book.title}
          </Link>
        </h3>
        <p className="truncate text-xs text-ink-muted">{authors}</p>
        <div className="mt-1 flex items-center justify-between gap-2">
          <PriceTag item={book} className="text-sm" />
          <button
            type="button"
            onClick={onRemove}
            className="rounded-full px-2 py-1 text-xs text-ink-muted hover:bg-surface-raised hover:text-negative"
            aria-label={`Remove ${book.title} from your wishlist`}
          >
            Remove
          </button>
        </div>
      </div>
    </article>
  );
}

export function WishlistView() {
  const query = useWishlist();
  const change = useSetWishlisted();
  const total = query.data?.total;

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="font-display text-4xl text-ink">Wishlist</h1>
        <p className="mt-1 text-sm text-ink-muted" aria-live="polite">
          {total === undefined
            ? ' '
            : `${total} ${total === 1 ? 'book' : 'books'} you want to read`}
        </p>
      </div>
      {query.error && !query.data ? (
        <QueryError
          title="Your wishlist could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : !query.data ? (
        <div aria-busy="true" className={grid}>
          <span className="sr-only">Loading your wishlist…</span>
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="aspect-2/3 animate-pulse rounded-md bg-surface-raised" />
          ))}
        </div>
      ) : query.data.items.length === 0 ? (
        <div className="flex flex-col items-center gap-4 rounded-2xl border border-dashed border-line px-6 py-16 text-center">
          <h2 className="font-display text-2xl text-ink">Nothing on your wishlist yet</h2>
          <p className="max-w-md text-sm text-ink-muted">
            Tap the heart on any book&rsquo;s page to keep it here for later.
          </p>
          <Link to="/books" className={buttonClasses('primary')}>
            Browse books
          </Link>
        </div>
      ) : (
        <ul aria-label="Wishlist" className={grid}>
          {query.data.items.map((book) => (
            <li key={book.id}>
              <WishlistCard book={book} onRemove={() => change.mutate({ book, wanted: false })} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
