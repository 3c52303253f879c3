// Coupons for admins: GET and POST /api/admin/coupons, PATCH /api/admin/coupons/{id}
// (deactivate with active=false).
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import {
  ADMIN_PAGE_SIZE,
  type AdminCouponsSearch,
  type Coupon,
  type CouponInput,
  type CouponPage,
  couponEnvelopeSchema,
  couponPageSchema,
} from '../schema';

export function listCoupons(search: AdminCouponsSearch, signal?: AbortSignal): Promise<CouponPage> {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  params.set('limit', String(ADMIN_PAGE_SIZE));
  params.set('offset', String(((search.page ?? 1) - 1) * ADMIN_PAGE_SIZE));
  return api.get(`/admin/coupons?${params.toString()}`, { schema: couponPageSchema, signal });
}

export function couponsQueryOptions(search: AdminCouponsSearch) {
  return queryOptions({
    queryKey: ['admin', 'coupons', { q: search.q ?? '', page: search.page ?? 1 }],
    queryFn: ({ signal }) => listCoupons(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCoupons(search: AdminCouponsSearch) {
  return useQuery(couponsQueryOptions(search));
}

export async function createCoupon(input: CouponInput): Promise<Coupon> {
  const { coupon } = await api.post('/admin/coupons', input, { schema: couponEnvelopeSchema });
  return coupon;
}

export async function updateCoupon(id: number, change: Partial<CouponInput>): Promise<Coupon> {
  const { coupon } = await api.patch(`/admin/coupons/${encodeURIComponent(String(id))}`, change, {
    schema: couponEnvelopeSchema,
  });
  return coupon;
}

export function useCreateCoupon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCoupon,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'coupons'] }),
  });
}

export function useUpdateCoupon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: Partial<CouponInput> }) =>
      updateCoupon(id, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'coupons'] }),
  });
}
