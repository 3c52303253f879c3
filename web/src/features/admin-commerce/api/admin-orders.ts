// GET /api/admin/orders (every order, filtered) and POST /api/admin/orders/{id}/refund.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type OrderPage, orderPageSchema } from '@/lib/commerce-schema';
import {
  ADMIN_PAGE_SIZE,
  type AdminOrdersSearch,
  type RefundAnswer,
  refundAnswerSchema,
} from '../schema';

export function adminOrdersParams({ q, status, page }: AdminOrdersSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (status) params.set('status', status);
  params.set('limit', String(ADMIN_PAGE_SIZE));
  params.set('offset', String(((page ?? 1) - 1) * ADMIN_PAGE_SIZE));
  return params;
}

export function listAdminOrders(
  search: AdminOrdersSearch,
  signal?: AbortSignal,
): Promise<OrderPage> {
  return api.get(`/admin/orders?${adminOrdersParams(search).toString()}`, {
    schema: orderPageSchema,
    signal,
  });
}

export function adminOrdersQueryOptions(search: AdminOrdersSearch) {
  return queryOptions({
    queryKey: [
      'admin',
      'orders',
      { q: search.q ?? '', status: search.status ?? '', page: search.page ?? 1 },
    ],
    queryFn: ({ signal }) => listAdminOrders(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAdminOrders(search: AdminOrdersSearch) {
  return useQuery(adminOrdersQueryOptions(search));
}

export function refundOrder(id: number): Promise<RefundAnswer> {
  return api.post(`/admin/orders/${encodeURIComponent(String(id))}/refund`, undefined, {
    schema: refundAnswerSchema,
  });
}

export function useRefundOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: refundOrder,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'orders'] }),
  });
}
