// /checkout/cancel: the reader left the payment page without paying. Nothing was charged and the
// cart is kept, so the way back is one click.
import { Link } from '@tanstack/react-router';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

export function CheckoutCancelView({ orderId }: { orderId?: number | undefined }) {
  return (
    <Card className="mx-auto flex w-full max-w-xl flex-col items-center gap-4 p-6 text-center sm:p-10">
      <span
        aria-hidden="true"
        className="inline-flex size-14 items-center justify-center rounded-full bg-surface-raised text-ink-muted"
      >
        <svg viewBox="0 0 24 24" className="size-7">
          <path
            d="M7 7l10 10M17 7 7 17"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
      </span>
      <h1 className="font-display text-3xl text-ink sm:text-4xl">Checkout cancelled</h1>
      <p className="max-w-md text-ink-muted">
        No payment was taken. Your books are still in your cart whenever you are ready.
      </p>
      <div className="mt-2 flex flex-wrap justify-center gap-3">
        <Link to="/cart" className={buttonClasses('primary')}>
          Back to your cart
        </Link>
        <Link to="/books" className={buttonClasses('secondary')}>
          Keep browsing
        </Link>
      </div>
      {orderId !== undefined && (
        <Link
          to="/orders/$orderId"
          params={{ orderId: String(orderId) }}
          className="text-sm text-ink-muted underline-offset-4 hover:text-ink hover:underline"
        >
          See the cancelled order
        </Link>
      )}
    </Card>
  );
}
