// /checkout/success: the payment page sent the reader back. The order turns paid once the
// payment is confirmed (a webhook, or the test checkout), so this page asks again every moment
// and shows the books as soon as they are the reader's.
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { OrderLines } from '@/components/commerce/order-lines';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { QueryError } from '@/components/ui/query-error';
import type { Order } from '@/lib/commerce-schema';
import { POLL_GIVE_UP_MS, useOrderUntilSettled } from '../api/get-order-status';

function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-10 animate-spin rounded-full border-4 border-accent/25 border-t-accent"
    />
  );
}

function CheckIcon() {
  return (
    <span
      aria-hidden="true"
      className="inline-flex size-14 items-center justify-center rounded-full bg-positive/15 text-positive"
    >
      <svg viewBox="0 0 24 24" className="size-8">
        <path
          d="m5.5 12.5 4.2 4.2 8.8-9.2"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  );
}

function Waiting({ order, late }: { order: Order | undefined; late: boolean }) {
  return (
    <div className="flex flex-col items-center gap-4 text-center">
      <Spinner />
      <h1 className="font-display text-3xl text-ink sm:text-4xl">Confirming your payment…</h1>
      <p className="max-w-md text-ink-muted">
        {late
          ? 'This is taking longer than usual. You can leave this page: your books arrive in your library as soon as the payment is confirmed, and the receipt is e-mailed to you.'
          : 'This usually takes a few seconds. Your books go to your library as soon as it is confirmed.'}
      </p>
      {order && (
        <p className="font-mono text-sm text-ink-muted">
          Order <span data-testid="order-number">{order.number}</span>
        </p>
      )}
    </div>
  );
}

function Paid({ order }: { order: Order }) {
  const only = order.items.length === 1 ? order.items[0] : undefined;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col items-center gap-3 text-center">
        <CheckIcon />
        <h1 className="font-display text-3xl text-ink sm:text-4xl">Thank you — it’s yours</h1>
        <p className="max-w-md text-ink-muted">
          Payment received for order{' '}
          <span className="font-mono text-ink" data-testid="order-number">
            {order.number}
          </span>
          . {order.items.length === 1 ? 'The book is' : 'The books are'} in your library now, and a
          receipt is on its way to your inbox.
        </p>
      </div>
      <OrderLines order={order} />
      <div className="flex flex-wrap justify-center gap-3">
        {only ? (
          <Link
            to="/read/$bookId"
            params={{ bookId: String(only.book_id) }}
            className={buttonClasses('primary', 'h-12 px-6 text-base')}
          >
            Read now
          </Link>
        ) : null}
        <Link
          to="/library"
          className={buttonClasses(only ? 'secondary' : 'primary', 'h-12 px-6 text-base')}
        >
          Go to your library
        </Link>
        <Link
          to="/orders/$orderId"
          params={{ orderId: String(order.id) }}
          className={buttonClasses('ghost', 'h-12')}
        >
          View receipt
        </Link>
      </div>
    </div>
  );
}

function NotPaid({ order }: { order: Order }) {
  const text =
    order.status === 'refunded'
      ? 'This order was refunded.'
      : order.status === 'failed'
        ? 'The payment did not go through. Nothing was charged; your cart is as you left it.'
        : 'This order was closed without a payment. Nothing was charged; your cart is as you left it.';
  return (
    <div className="flex flex-col items-center gap-4 text-center">
      <h1 className="font-display text-3xl text-ink sm:text-4xl">No payment for this order</h1>
      <p className="max-w-md text-ink-muted">{text}</p>
      <div className="flex flex-wrap justify-center gap-3">
        <Link to="/cart" className={buttonClasses('primary')}>
          Back to your cart
        </Link>
        <Link
          to="/orders/$orderId"
          params={{ orderId: String(order.id) }}
          className={buttonClasses('secondary')}
        >
          View the order
        </Link>
      </div>
    </div>
  );
}

export function CheckoutSuccessView({ orderId }: { orderId: number }) {
  const queryClient = useQueryClient();
  const [startedAt] = useState(() => Date.now());
  const order = useOrderUntilSettled(orderId, startedAt);
  const [late, setLate] = useState(false);
  const status = order.data?.status;

  useEffect(() => {
    const timer = setTimeout(() => setLate(true), Math.min(20_000, POLL_GIVE_UP_MS));
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (status !== 'paid') return;
    // The cart emptied and the library grew: whatever was cached is stale.
    void queryClient.invalidateQueries({ queryKey: ['cart'] });
    void queryClient.invalidateQueries({ queryKey: ['library'] });
    void queryClient.invalidateQueries({ queryKey: ['orders', 'list'] });
  }, [status, queryClient]);

  return (
    <Card className="mx-auto w-full max-w-2xl p-6 sm:p-10" aria-live="polite" data-status={status}>
      {order.error && !order.data ? (
        <QueryError
          title="This order could not be loaded"
          error={order.error}
          onRetry={() => void order.refetch()}
          retrying={order.isFetching}
        />
      ) : !order.data || order.data.status === 'pending' ? (
        <Waiting order={order.data} late={late} />
      ) : order.data.status === 'paid' ? (
        <Paid order={order.data} />
      ) : (
        <NotPaid order={order.data} />
      )}
    </Card>
  );
}
