// The lines and totals of an order, as the server priced them at checkout: what a receipt,
// the success page and the admin's order view show. Nothing here is computed, only formatted.
import { Link } from '@tanstack/react-router';
import { BookCover } from '@/components/catalog/book-cover';
import type { Order } from '@/lib/commerce-schema';
import { cn } from '@/utils/cn';
import { formatMoney } from '@/utils/money';

export function OrderLines({ order, className }: { order: Order; className?: string }) {
  return (
    <div className={cn('flex flex-col', className)}>
      <ul className="flex flex-col divide-y divide-line">
        {order.items.map((item) => (
          <li key={item.book_id} data-testid="order-line" className="flex items-center gap-4 py-4">
            <BookCover
              src={item.book?.cover_url}
              title={item.title}
              alt=""
              className="w-12 shrink-0 rounded-sm"
            />
            <div className="min-w-0 flex-1">
              {item.book?.slug ? (
                <Link
                  to="/books/$slug"
                  params={{ slug: item.book.slug }}
                  className="font-medium text-ink hover:text-accent"
                >
                  {item.title}
                </Link>
              ) : (
                <span className="font-medium text-ink">{item.title}</span>
              )}
              {item.discount_cents > 0 && (
                <p className="text-xs text-ink-muted">
                  <span className="line-through">
                    {formatMoney(item.unit_price_cents, item.currency)}
                  </span>{' '}
                  less {formatMoney(item.discount_cents, item.currency)}
                </p>
              )}
            </div>
            <span className="font-medium text-ink tabular-nums">
              {formatMoney(item.price_cents, item.currency)}
            </span>
          </li>
        ))}
      </ul>
      <dl className="mt-2 flex flex-col gap-2 border-t border-line pt-4 text-sm">
        <div className="flex justify-between gap-4 text-ink-muted">
          <dt>Subtotal</dt>
          <dd className="tabular-nums" data-testid="order-subtotal">
            {formatMoney(order.subtotal_cents, order.currency)}
          </dd>
        </div>
        {order.discount_cents > 0 && (
          <div className="flex justify-between gap-4 text-positive">
            <dt>Discount{order.coupon_code ? ` (${order.coupon_code})` : ''}</dt>
            <dd className="tabular-nums" data-testid="order-discount">
              −{formatMoney(order.discount_cents, order.currency)}
            </dd>
          </div>
        )}
        <div className="flex justify-between gap-4 text-base font-semibold text-ink">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="order-total">
            {formatMoney(order.total_cents, order.currency)}
          </dd>
        </div>
      </dl>
    </div>
  );
}
