// /orders/$orderId: one order's receipt.
import { createRoute } from '@tanstack/react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { QueryError } from '@/components/ui/query-error';
import { useOrder } from '@/features/orders/api/get-order';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import { lazyNamed } from '@/utils/lazy-named';
import { NotFoundView } from './not-found';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const OrderReceipt = lazyNamed(
  () => import('@/features/orders/components/order-receipt'),
  'OrderReceipt',
);

function OrderRoute() {
  const { orderId } = orderRoute.useParams();
  const id = /^\d+$/.test(orderId) ? Number(orderId) : 0;
  const order = useOrder(id);
  const missing = id === 0 || (order.error instanceof ApiError && order.error.status === 404);
  useDocumentTitle(
    order.data ? `Order ${order.data.number}` : missing ? 'Order not found' : 'Order',
  );

  if (missing) {
    return (
      <NotFoundView title="Order not found">
        We could not find that order among yours. Your orders are listed under Your orders.
      </NotFoundView>
    );
  }
  if (order.error && !order.data) {
    return (
      <QueryError
        title="This order could not be loaded"
        error={order.error}
        onRetry={() => void order.refetch()}
        retrying={order.isFetching}
      />
    );
  }
  if (!order.data) return <Skeleton className="mx-auto h-96 w-full max-w-3xl rounded-2xl" />;
  return <OrderReceipt order={order.data} />;
}

export const orderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orders/$orderId',
  beforeLoad: ({ location }) => requireUser(location),
  component: OrderRoute,
});
