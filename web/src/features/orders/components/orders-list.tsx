// The reader's order history: number, date, books, status and total, each linking to its receipt.
import { Link } from '@tanstack/react-router';
import { OrderStatusBadge } from '@/components/commerce/order-status-badge';
import { buttonClasses } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import type { Order } from '@/lib/commerce-schema';
import { formatDate } from '@/utils/catalog-format';
import { formatMoney } from '@/utils/money';
import { useOrders } from '../api/list-orders';

function titlesOf(order: Order): string {
  const [first, ...rest] = order.items.map((item) => item.title);
  if (!first) return 'No books';
  return rest.length === 0 ? first : `${first} and ${rest.length} more`;
}

function OrderRow({ order }: { order: Order }) {
  return (
    <li>
      <Link
        to="/orders/$orderId"
        params={{ orderId: String(order.id) }}
        data-testid="order-row"
        className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 rounded-2xl border border-line bg-surface/70 px-5 py-4 transition-colors hover:border-accent sm:grid-cols-[10rem_1fr_auto_7rem]"
      >
        <span className="font-mono text-sm text-ink">{order.number}</span>
        <span className="row-start-2 truncate text-sm text-ink-muted sm:row-start-auto">
          {titlesOf(order)}
        </span>
        <span className="justify-self-end sm:justify-self-start">
          <OrderStatusBadge status={order.status} />
        </span>
        <span className="text-right tabular-nums">
          <span className="block font-semibold text-ink">
            {formatMoney(order.total_cents, order.currency)}
          </span>
          <span className="block text-xs text-ink-muted">{formatDate(order.created_at)}</span>
        </span>
      </Link>
    </li>
  );
}

export function OrdersList({ page }: { page: number }) {
  const orders = useOrders(page);

  if (orders.error && !orders.data) {
    return (
      <QueryError
        title="Your orders could not be loaded"
        error={orders.error}
        onRetry={() => void orders.refetch()}
        retrying={orders.isFetching}
      />
    );
  }
  if (!orders.data) {
    return (
      <div aria-busy="true" className="flex flex-col gap-3">
        <span className="sr-only">Loading your orders…</span>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-20 w-full rounded-2xl" />
        ))}
      </div>
    );
  }
  if (orders.data.items.length === 0) {
    return (
      <div className="flex flex-col items-center gap-4 rounded-2xl border border-dashed border-line px-6 py-16 text-center">
        <p className="font-display text-2xl text-ink">No orders yet</p>
        <p className="max-w-sm text-sm text-ink-muted">
          Books you buy are listed here with their receipts.
        </p>
        <Link to="/books" className={buttonClasses('primary', 'mt-2')}>
          Browse books
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <ul className="flex flex-col gap-3">
        {orders.data.items.map((order) => (
          <OrderRow key={order.id} order={order} />
        ))}
      </ul>
      <Pagination
        total={orders.data.total}
        limit={orders.data.limit}
        offset={orders.data.offset}
        label="Order pages"
      />
    </div>
  );
}
