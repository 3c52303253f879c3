// A visitor's cart, kept in this browser until they sign in (it then joins their account's cart).
// Prices are shown as the book pages showed them; the store totals them after sign-in.
import { Link } from '@tanstack/react-router';
import { Card } from '@/components/ui/card';
import { buttonClasses } from '@/components/ui/button';
import { useLocalCart } from '../hooks/use-cart-contents';
import { removeFromLocalCart } from '../utils/local-cart';
import { CartLine } from './cart-line';
import { EmptyCart } from './cart-view';

export function LocalCartView() {
  const entries = useLocalCart();

  if (entries.length === 0) return <EmptyCart />;
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem] lg:gap-8">
      <Card className="px-5 sm:px-6">
        <ul className="divide-y divide-line">
          {entries.map((entry) => (
            <CartLine
              key={entry.book_id}
              line={{
                id: entry.book_id,
                slug: entry.slug,
                title: entry.title,
                authors: entry.authors,
                coverUrl: entry.cover_url,
                priceCents: entry.price_cents,
                currency: entry.currency,
                discountCents: 0,
                available: true,
              }}
              removing={false}
              onRemove={() => removeFromLocalCart(entry.book_id)}
            />
          ))}
        </ul>
      </Card>
      <Card className="flex flex-col gap-4 p-5 sm:p-6 lg:sticky lg:top-24">
        <h2 className="font-display text-xl text-ink">Ready to check out?</h2>
        <p className="text-sm text-ink-muted">
          Sign in to pay. The books you picked stay in your cart, and the store works out your total
          (and any coupon) once you are signed in.
        </p>
        <Link
          to="/sign-in"
          search={{ redirect: '/cart' }}
          className={buttonClasses('primary', 'h-12 text-base')}
        >
          Sign in to check out
        </Link>
        <Link to="/sign-up" className={buttonClasses('secondary')}>
          Create an account
        </Link>
      </Card>
    </div>
  );
}
