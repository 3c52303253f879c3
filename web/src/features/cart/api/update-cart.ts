// Cart changes: POST /api/cart/items, DELETE /api/cart/items/{book_id}, POST and DELETE
// /api/cart/coupon. Each answers the whole cart, priced, which replaces the cached one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type Cart, cartSchema } from '@/lib/commerce-schema';
import { CART_QUERY_KEY } from './get-cart';

export function addCartItem(bookId: number): Promise<Cart> {
  return api.post('/cart/items', { book_id: bookId }, { schema: cartSchema });
}

export function removeCartItem(bookId: number): Promise<Cart> {
  return api.delete(`/cart/items/${encodeURIComponent(String(bookId))}`, { schema: cartSchema });
}

export function applyCoupon(code: string): Promise<Cart> {
  return api.post('/cart/coupon', { code: code.trim() }, { schema: cartSchema });
}

export function removeCoupon(): Promise<Cart> {
  return api.delete('/cart/coupon', { schema: cartSchema });
}

function useCartMutation<T>(mutationFn: (input: T) => Promise<Cart>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (cart) => queryClient.setQueryData(CART_QUERY_KEY, cart),
  });
}

export function useAddCartItem() {
  return useCartMutation(addCartItem);
}

export function useRemoveCartItem() {
  return useCartMutation(removeCartItem);
}

export function useApplyCoupon() {
  return useCartMutation(applyCoupon);
}

export function useRemoveCoupon() {
  return useCartMutation(() => removeCoupon());
}
