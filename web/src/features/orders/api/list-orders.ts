// GET /api/orders: the signed-in user's orders, newest first.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type OrderPage, orderPageSchema } from '@/lib/commerce-schema';
import { ORDERS_PAGE_SIZE } from '../schema';

export function listOrders(page: number, signal?: AbortSignal): Promise<OrderPage> {
  const params = new URLSearchParams({
    limit: String(ORDERS_PAGE_SIZE),
    offset: String((page - 1) * ORDERS_PAGE_SIZE),
  });
  return api.get(`/orders?${params.toString()}`, { schema: orderPageSchema, signal });
}

export function ordersQueryOptions(page: number) {
  return queryOptions({
    queryKey: ['orders', 'list', page],
    queryFn: ({ signal }) => listOrders(page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrders(page: number) {
  return useQuery(ordersQueryOptions(page));
}
