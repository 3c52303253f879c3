// /checkout/cancel?order=ID: back from the payment page without paying.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { rootRoute } from './root';

const CheckoutCancelView = lazyNamed(
  () => import('@/features/checkout/components/checkout-cancel-view'),
  'CheckoutCancelView',
);

const searchSchema = z.object({
  order: z.coerce.number().int().positive().optional().catch(undefined),
});

function CheckoutCancelRoute() {
  useDocumentTitle('Checkout cancelled');
  const { order } = checkoutCancelRoute.useSearch();
  return <CheckoutCancelView orderId={order} />;
}

export const checkoutCancelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/checkout/cancel',
  validateSearch: searchSchema,
  component: CheckoutCancelRoute,
});
