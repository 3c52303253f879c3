// /orders?page=N: the signed-in reader's order history.
import { createRoute } from '@tanstack/react-router';
import { ordersSearchSchema } from '@/features/orders/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { PageHeading } from './page-heading';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const OrdersList = lazyNamed(
  () => import('@/features/orders/components/orders-list'),
  'OrdersList',
);

function OrdersRoute() {
  useDocumentTitle('Your orders');
  const { page } = ordersRoute.useSearch();

  return (
    <div className="flex flex-col gap-8">
      <PageHeading eyebrow="Account" title="Your orders">
        Every purchase with its receipt.
      </PageHeading>
      <OrdersList page={page ?? 1} />
    </div>
  );
}

export const ordersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orders',
  validateSearch: ordersSearchSchema,
  beforeLoad: ({ location }) => requireUser(location),
  component: OrdersRoute,
});
