// Admin orders: find orders by number or e-mail and status, open the receipt details, refund a
// paid order after confirming (through Stripe, or at once for test-checkout orders).
import { useCallback, useState } from 'react';
import { OrderLines } from '@/components/commerce/order-lines';
import { OrderStatusBadge } from '@/components/commerce/order-status-badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import {
  type Order,
  type OrderStatus,
  orderStatusLabels,
  orderStatusSchema,
} from '@/lib/commerce-schema';
import { formErrorMessage } from '@/lib/form-errors';
import { formatMoney } from '@/utils/money';
import { useAdminOrders, useRefundOrder } from '../api/admin-orders';
import type { AdminOrdersSearch } from '../schema';
import { ListFilters } from './list-filters';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const th = 'px-4 py-3 text-left text-xs font-semibold tracking-[0.15em] text-ink-muted uppercase';
const td = 'px-4 py-3 align-middle max-md:p-0';

function placed(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTime.format(date);
}

function OrderRow({
  order,
  expanded,
  onToggle,
  onRefund,
}: {
  order: Order;
  expanded: boolean;
  onToggle: () => void;
  onRefund: () => void;
}) {
  const count = order.items.length;
  return (
    <>
      <tr
        data-testid="admin-order-row"
        className="border-line max-md:grid max-md:grid-cols-2 max-md:items-center max-md:gap-3 max-md:rounded-t-2xl max-md:border max-md:bg-surface/70 max-md:p-4 md:border-t"
      >
        <td className={`${td} max-md:col-span-2`}>
          <button type="button" onClick={onToggle} aria-expanded={expanded} className="text-left">
            <span className="block font-mono text-sm text-ink hover:text-accent">
              {order.number}
            </span>
            <span className="block truncate text-sm text-ink-muted">
              {order.email ?? (order.user_id ? `User ${order.user_id}` : 'Deleted account')}
            </span>
          </button>
        </td>
        <td className={`${td} text-sm whitespace-nowrap text-ink-muted`}>
          {placed(order.created_at)}
        </td>
        <td className={`${td} text-sm text-ink-muted max-md:text-right`}>
          {count} book{count === 1 ? '' : 's'}
        </td>
        <td className={`${td} font-medium text-ink tabular-nums md:text-right`}>
          {formatMoney(order.total_cents, order.currency)}
        </td>
        <td className={`${td} max-md:text-right`}>
          <OrderStatusBadge status={order.status} />
        </td>
        <td className={`${td} text-right max-md:col-span-2`}>
          {order.status === 'paid' && (
            <Button
              variant="secondary"
              className="min-h-9 max-md:w-full"
              onClick={onRefund}
              aria-label={`Refund order ${order.number}`}
            >
              Refund
            </Button>
          )}
        </td>
      </tr>
      {expanded && (
        <tr className="max-md:block max-md:rounded-b-2xl max-md:border max-md:border-t-0 max-md:bg-surface/70">
          <td colSpan={6} className="px-4 pb-5 max-md:block">
            <div className="rounded-xl border border-line bg-surface-raised/40 p-4">
              <OrderLines order={order} />
              <p className="mt-3 text-xs text-ink-muted">
                Provider: {order.provider ?? 'none'}
                {order.provider_session_id ? ` · session ${order.provider_session_id}` : ''}
                {order.payment_intent_id ? ` · payment ${order.payment_intent_id}` : ''}
              </p>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

const statusOptions = [
  { value: '', label: 'All statuses' },
  ...orderStatusSchema.options.map((s) => ({ value: s, label: orderStatusLabels[s] })),
];

export function AdminOrdersView({
  search,
  onSearchChange,
}: {
  search: AdminOrdersSearch;
  onSearchChange: (next: AdminOrdersSearch) => void;
}) {
  const orders = useAdminOrders(search);
  const refund = useRefundOrder();
  const [pending, setPending] = useState<Order | null>(null);
  const [expanded, setExpanded] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const onQuery = useCallback(
    (q: string | undefined) => onSearchChange({ ...search, q, page: undefined }),
    [search, onSearchChange],
  );

  const confirm = () => {
    if (!pending) return;
    const order = pending;
    refund.mutate(order.id, {
      onSuccess: (answer) => {
        setPending(null);
        setDone(
          answer.refund === 'refunded'
            ? `Order ${order.number} was refunded and its books taken back from the buyer's library.`
            : `Refund of order ${order.number} requested from Stripe; the order turns refunded when Stripe confirms it.`,
        );
      },
    });
  };

  return (
    <div className="flex flex-col gap-6">
      <ListFilters
        searchLabel="Search orders"
        placeholder="Order number or e-mail"
        q={search.q}
        onQuery={onQuery}
        select={{
          label: 'Status',
          value: search.status ?? '',
          options: statusOptions,
          onChange: (value) =>
            onSearchChange({
              ...search,
              status: (value || undefined) as OrderStatus | undefined,
              page: undefined,
            }),
        }}
      />
      <FormAlert tone="success">{done}</FormAlert>
      <p role="status" className="text-sm text-ink-muted">
        {orders.data ? `${orders.data.total} order${orders.data.total === 1 ? '' : 's'}` : ''}
        {orders.isFetching && orders.data ? ' · updating…' : ''}
      </p>
      {orders.error && !orders.data ? (
        <QueryError
          error={orders.error}
          onRetry={() => void orders.refetch()}
          retrying={orders.isFetching}
          title="Orders could not be loaded"
        />
      ) : !orders.data ? (
        <div aria-busy="true" className="flex flex-col gap-3">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-16 w-full rounded-2xl" />
          ))}
        </div>
      ) : orders.data.items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-line px-6 py-12 text-center">
          <p className="font-display text-xl text-ink">No orders found</p>
          <p className="mt-1 text-sm text-ink-muted">
            {search.q || search.status
              ? 'Try another search or status.'
              : 'Nobody has ordered yet.'}
          </p>
        </div>
      ) : (
        <div className="md:overflow-hidden md:rounded-2xl md:border md:border-line md:bg-surface/70">
          <table className="w-full border-collapse max-md:block">
            <caption className="sr-only">Orders</caption>
            <thead className="bg-surface-raised/50 max-md:sr-only">
              <tr>
                <th scope="col" className={th}>
                  Order
                </th>
                <th scope="col" className={th}>
                  Placed
                </th>
                <th scope="col" className={th}>
                  Books
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Total
                </th>
                <th scope="col" className={th}>
                  Status
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="max-md:flex max-md:flex-col max-md:gap-3">
              {orders.data.items.map((order) => (
                <OrderRow
                  key={order.id}
                  order={order}
                  expanded={expanded === order.id}
                  onToggle={() => setExpanded((id) => (id === order.id ? null : order.id))}
                  onRefund={() => {
                    refund.reset();
                    setDone(null);
                    setPending(order);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {orders.data && (
        <Pagination
          total={orders.data.total}
          limit={orders.data.limit}
          offset={orders.data.offset}
          label="Order list pages"
        />
      )}
      <ConfirmDialog
        open={pending !== null}
        title="Refund this order?"
        confirmLabel="Refund"
        pendingLabel="Refunding…"
        tone="danger"
        pending={refund.isPending}
        error={refund.error ? formErrorMessage(refund.error) : null}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending && (
          <p>
            Order <span className="font-mono text-ink">{pending.number}</span> for{' '}
            <strong className="text-ink">
              {formatMoney(pending.total_cents, pending.currency)}
            </strong>{' '}
            is refunded in full, and the {pending.items.length === 1 ? 'book' : 'books'} it bought
            leave the buyer&apos;s library. This cannot be undone.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
