// GET /api/orders/{id}, polled by the success page until the payment is confirmed: Stripe's
// webhook (or the test checkout) marks the order paid a moment after the browser comes back.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type Order, orderEnvelopeSchema } from '@/lib/commerce-schema';

export const POLL_MS = 1_500;
/** After this long the page stops asking and says the confirmation is late. */
export const POLL_GIVE_UP_MS = 3 * 60_000;

export async function getOrderStatus(id: number, signal?: AbortSignal): Promise<Order> {
  const { order } = await api.get(`/orders/${encodeURIComponent(String(id))}`, {
    schema: orderEnvelopeSchema,
    signal,
  });
  return order;
}

export function useOrderUntilSettled(id: number, startedAt: number) {
  return useQuery({
    queryKey: ['orders', 'detail', id],
    queryFn: ({ signal }) => getOrderStatus(id, signal),
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data?.status === 'pending' && Date.now() - startedAt < POLL_GIVE_UP_MS
        ? POLL_MS
        : false,
    refetchIntervalInBackground: false,
  });
}
