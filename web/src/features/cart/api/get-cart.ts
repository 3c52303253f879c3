// GET /api/cart: the signed-in user's cart, priced on the server.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type Cart, cartSchema } from '@/lib/commerce-schema';

export const CART_QUERY_KEY = ['cart'] as const;

export function getCart(signal?: AbortSignal): Promise<Cart> {
  return api.get('/cart', { schema: cartSchema, signal });
}

export function cartQueryOptions() {
  return queryOptions({
    queryKey: CART_QUERY_KEY,
    queryFn: ({ signal }) => getCart(signal),
  });
}

/** Only asks the server when `enabled` (a signed-in session). */
export function useCart(enabled: boolean) {
  return useQuery({ ...cartQueryOptions(), enabled });
}
