// GET /api/orders/{id}: one of the signed-in user's orders (its receipt).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type Order, orderEnvelopeSchema } from '@/lib/commerce-schema';

export async function getOrder(id: number, signal?: AbortSignal): Promise<Order> {
  const { order } = await api.get(`/orders/${encodeURIComponent(String(id))}`, {
    schema: orderEnvelopeSchema,
    signal,
  });
  return order;
}

export function orderQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['orders', 'detail', id],
    queryFn: ({ signal }) => getOrder(id, signal),
  });
}

/** `id` 0 (a malformed URL) asks nothing. */
export function useOrder(id: number) {
  return useQuery({ ...orderQueryOptions(id), enabled: id > 0 });
}
