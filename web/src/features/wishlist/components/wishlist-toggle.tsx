// The heart on a book page: adds the book to my wishlist or takes it off. Visitors are sent to
// sign in first.
import { Link, useLocation } from '@tanstack/react-router';
import { useSession } from '@/hooks/use-session';
import { type BookSummary } from '@/lib/catalog-schema';
import { cn } from '@/utils/cn';
import { useWishlist } from '../api/get-wishlist';
import { useSetWishlisted } from '../api/toggle-wishlist';

function HeartIcon({ filled }: { filled: boolean }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="size-5">
      <path
        d="M10 17s-6.5-4-6.5-8.6A3.6 3.6 0 0 1 10 6a3.6 3.6 0 0 1 6.5 2.4C16.5 13 10 17 10 17Z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
    </svg>
  );
}

const round =
  'inline-flex size-12 shrink-0 items-center justify-center rounded-full border transition-colors';

export function WishlistToggle({ book, className }: { book: BookSummary; className?: string }) {
  const { status } = useSession();
  const { href } = useLocation();
  const signedIn = status === 'signed-in';
  const list = useWishlist({ enabled: signedIn });
  const change = useSetWishlisted();
  const wanted = Boolean(list.data?.items.some((b) => b.id === book.id));

  if (!signedIn) {
    return (
      <Link
        to="/sign-in"
        search={{ redirect: href }}
        aria-label="Sign in to add to your wishlist"
        title="Sign in to add to your wishlist"
        className={cn(
          round,
          'border-line text-ink-muted hover:border-accent hover:text-accent',
          className,
        )}
      >
        <HeartIcon filled={false} />
      </Link>
    );
  }

  const label = wanted ? 'Remove from wishlist' : 'Add to wishlist';
  return (
    <button
      type="button"
      aria-pressed={wanted}
      aria-label={label}
      title={label}
      data-testid="wishlist-toggle"
      disabled={!list.data}
      onClick={() => change.mutate({ book, wanted: !wanted })}
      className={cn(
        round,
        wanted
          ? 'border-accent bg-accent/15 text-accent'
          : 'border-line text-ink-muted hover:border-accent hover:text-accent',
        'disabled:opacity-60',
        className,
      )}
    >
      <HeartIcon filled={wanted} />
    </button>
  );
}
