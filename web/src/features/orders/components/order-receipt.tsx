// One order as a receipt: number, status, dates, how it was paid, the lines and totals as priced
// at checkout, and what can be done next (pay a pending order, read paid books, print).
import { Link } from '@tanstack/react-router';
import { OrderLines } from '@/components/commerce/order-lines';
import { OrderStatusBadge } from '@/components/commerce/order-status-badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { Order } from '@/lib/commerce-schema';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : dateTime.format(date);
}

function paidWith(provider: string | null | undefined): string {
  if (provider === 'stripe') return 'Card, through Stripe';
  if (provider === 'dev') return 'Test checkout (no money moved)';
  return 'No payment needed';
}

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs font-semibold tracking-[0.15em] text-ink-muted uppercase">{label}</dt>
      <dd className="text-sm text-ink">{value}</dd>
    </div>
  );
}

export function OrderReceipt({ order }: { order: Order }) {
  return (
    <Card className="mx-auto w-full max-w-3xl p-5 sm:p-8 print:border-0 print:shadow-none">
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-line pb-6">
        <div className="flex flex-col gap-1">
          <p className="text-xs font-semibold tracking-[0.3em] text-accent uppercase">Receipt</p>
          <h1 className="font-mono text-2xl text-ink sm:text-3xl" data-testid="order-number">
            {order.number}
          </h1>
        </div>
        <span data-testid="order-status">
          <OrderStatusBadge status={order.status} />
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-4 border-b border-line py-6 sm:grid-cols-4">
        <Fact label="Placed" value={when(order.created_at)} />
        <Fact label="Paid" value={when(order.paid_at)} />
        <Fact label="Refunded" value={when(order.refunded_at)} />
        <Fact
          label={order.status === 'paid' || order.status === 'refunded' ? 'Payment' : 'Closed'}
          value={
            order.status === 'paid' || order.status === 'refunded'
              ? paidWith(order.provider)
              : when(order.closed_at)
          }
        />
      </dl>
      <OrderLines order={order} className="pt-2" />
      <div className="mt-8 flex flex-wrap gap-3 print:hidden">
        {order.status === 'pending' && order.checkout_url && (
          <a href={order.checkout_url} className={buttonClasses('primary')}>
            Pay now
          </a>
        )}
        {order.status === 'paid' && (
          <Link to="/library" className={buttonClasses('primary')}>
            Go to your library
          </Link>
        )}
        <Button variant="secondary" onClick={() => window.print()}>
          Print receipt
        </Button>
        <Link to="/orders" className={buttonClasses('ghost')}>
          All orders
        </Link>
      </div>
      {order.status === 'refunded' && (
        <p className="mt-6 text-sm text-ink-muted">
          This order was refunded; its books are no longer in your library.
        </p>
      )}
    </Card>
  );
}
