// The signed-in reader's cart: the books, the coupon, the server's totals and the checkout.
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { buttonClasses } from '@/components/ui/button';
import { formErrorMessage } from '@/lib/form-errors';
import type { Cart } from '@/lib/commerce-schema';
import { CART_QUERY_KEY, useCart } from '../api/get-cart';
import { useRemoveCartItem } from '../api/update-cart';
import { useMergeNotice } from '../hooks/use-cart-merge';
import { CartLine, type CartLineData } from './cart-line';
import { CartSummary } from './cart-summary';

function linesOf(cart: Cart): CartLineData[] {
  return cart.items.map((item) => ({
    id: item.book.id,
    slug: item.book.slug,
    title: item.book.title,
    authors: item.book.authors.map((a) => a.name),
    coverUrl: item.book.cover_url,
    priceCents: item.book.price_cents,
    currency: item.book.currency,
    discountCents: item.discount_cents,
    available: item.available,
    unavailableReason: item.unavailable_reason,
  }));
}

export function EmptyCart() {
  return (
    <div className="flex flex-col items-center gap-4 rounded-2xl border border-dashed border-line px-6 py-16 text-center">
      <p className="font-display text-2xl text-ink">Your cart is empty</p>
      <p className="max-w-sm text-sm text-ink-muted">
        Find your next book in the store; the ones you add wait for you here.
      </p>
      <Link to="/books" className={buttonClasses('primary', 'mt-2')}>
        Browse books
      </Link>
    </div>
  );
}

function MergeNoticeBox() {
  const [notice, dismiss] = useMergeNotice();
  if (!notice) return null;
  return (
    <FormAlert tone="info">
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="font-medium">
            Some books from before you signed in were not added to your cart:
          </p>
          <ul className="mt-1 list-disc pl-5 text-ink-muted">
            {notice.skipped.map((s) => (
              <li key={s.title}>
                {s.title}: {s.reason}
              </li>
            ))}
          </ul>
        </div>
        <button type="button" onClick={dismiss} className="text-sm text-ink-muted hover:text-ink">
          Dismiss
        </button>
      </div>
    </FormAlert>
  );
}

function CartSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <span className="sr-only">Loading your cart…</span>
      <div className="flex flex-col gap-4">
        {[0, 1].map((i) => (
          <Skeleton key={i} className="h-32 w-full rounded-2xl" />
        ))}
      </div>
      <Skeleton className="h-72 w-full rounded-2xl" />
    </div>
  );
}

export function CartView() {
  const queryClient = useQueryClient();
  const cart = useCart(true);
  const remove = useRemoveCartItem();

  if (cart.error && !cart.data) {
    return (
      <QueryError
        title="Your cart could not be loaded"
        error={cart.error}
        onRetry={() => void cart.refetch()}
        retrying={cart.isFetching}
      />
    );
  }
  if (!cart.data) return <CartSkeleton />;
  if (cart.data.items.length === 0) {
    return (
      <div className="flex flex-col gap-6">
        <MergeNoticeBox />
        <EmptyCart />
      </div>
    );
  }

  const count = cart.data.items.length;
  return (
    <div className="flex flex-col gap-6">
      <MergeNoticeBox />
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem] lg:gap-8">
        <Card className="px-5 sm:px-6">
          <h2 className="sr-only">
            {count} book{count === 1 ? '' : 's'} in your cart
          </h2>
          <ul className="divide-y divide-line">
            {linesOf(cart.data).map((line) => (
              <CartLine
                key={line.id}
                line={line}
                removing={remove.isPending && remove.variables === line.id}
                onRemove={() => remove.mutate(line.id)}
              />
            ))}
          </ul>
          <FormAlert className="pb-5">
            {remove.error ? formErrorMessage(remove.error) : null}
          </FormAlert>
        </Card>
        <Card className="p-5 sm:p-6 lg:sticky lg:top-24">
          <h2 className="mb-5 font-display text-xl text-ink">Order summary</h2>
          <CartSummary
            cart={cart.data}
            onCheckoutRefused={() =>
              void queryClient.invalidateQueries({ queryKey: CART_QUERY_KEY })
            }
          />
        </Card>
      </div>
    </div>
  );
}
