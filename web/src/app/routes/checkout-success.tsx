// /checkout/success?order=ID (Stripe adds &session_id=...): waits for the payment to be confirmed.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { NotFoundView } from './not-found';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const CheckoutSuccessView = lazyNamed(
  () => import('@/features/checkout/components/checkout-success-view'),
  'CheckoutSuccessView',
);

const searchSchema = z.object({
  order: z.coerce.number().int().positive().optional().catch(undefined),
});

function CheckoutSuccessRoute() {
  useDocumentTitle('Order confirmation');
  const { order } = checkoutSuccessRoute.useSearch();

  if (order === undefined) {
    return (
      <NotFoundView title="No order to show">
        This link does not name an order. Your orders are listed under Your orders.
      </NotFoundView>
    );
  }
  return <CheckoutSuccessView orderId={order} />;
}

export const checkoutSuccessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/checkout/success',
  validateSearch: searchSchema,
  beforeLoad: ({ location }) => requireUser(location),
  component: CheckoutSuccessRoute,
});
