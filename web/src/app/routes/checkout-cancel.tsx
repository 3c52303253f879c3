// /checkout/cancel?order=ID: back from the payment page without paying.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { CheckoutCancelView } from '@/features/checkout/components/checkout-cancel-view';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { rootRoute } from './root';

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
