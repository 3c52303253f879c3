// POST /api/checkout: turns the cart into an order priced on the server and answers where to pay
// (Stripe Checkout, the built-in test checkout, or straight to the success page for a total of 0).
// No body is sent: the client has no say in prices. A double click answers the same order.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { orderSchema } from '@/lib/commerce-schema';

export const checkoutSchema = z.object({ order: orderSchema, checkout_url: z.string().min(1) });

export type CheckoutAnswer = z.infer<typeof checkoutSchema>;

export function startCheckout(): Promise<CheckoutAnswer> {
  return api.post('/checkout', undefined, { schema: checkoutSchema });
}

/** Leaves the single-page app for the payment page (another origin for Stripe). An object, so
 * tests can stand in for the page change. */
export const paymentPage = {
  open(url: string): void {
    window.location.assign(url);
  },
};

export function useStartCheckout() {
  return useMutation({
    mutationFn: startCheckout,
    onSuccess: ({ checkout_url }) => paymentPage.open(checkout_url),
  });
}
