// Admin orders and coupons: list answers (docs/openapi/commerce.json) and the pages' search
// params, which keep each view in the URL.
import { z } from 'zod';
import { orderStatusSchema } from '@/lib/commerce-schema';

export const ADMIN_PAGE_SIZE = 20;

const optionalText = z
  .unknown()
  .transform((value) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined,
  );

export const adminOrdersSearchSchema = z.object({
  q: optionalText.optional(),
  status: orderStatusSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

export type AdminOrdersSearch = z.infer<typeof adminOrdersSearchSchema>;

export const adminCouponsSearchSchema = z.object({
  q: optionalText.optional(),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

export type AdminCouponsSearch = z.infer<typeof adminCouponsSearchSchema>;

export const couponSchema = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(['percent', 'fixed']),
  amount: z.number().int(),
  currency: z.string().nullish(),
  starts_at: z.string().nullish(),
  ends_at: z.string().nullish(),
  max_redemptions: z.number().int().nullish(),
  redemptions: z.number().int().nonnegative(),
  active: z.boolean(),
  book_ids: z.array(z.number()).default([]),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});

export const couponEnvelopeSchema = z.object({ coupon: couponSchema });

export const couponPageSchema = z.object({
  items: z.array(couponSchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});

export const refundAnswerSchema = z.object({
  order: z.object({ id: z.number(), status: orderStatusSchema }).passthrough(),
  refund: z.enum(['refunded', 'requested']),
});

export type Coupon = z.infer<typeof couponSchema>;
export type CouponPage = z.infer<typeof couponPageSchema>;
export type RefundAnswer = z.infer<typeof refundAnswerSchema>;

/** What POST /api/admin/coupons takes (CouponInput); amounts in minor units for `fixed`. */
export type CouponInput = {
  code: string;
  kind: 'percent' | 'fixed';
  amount: number;
  currency?: string | null;
  starts_at?: string | null;
  ends_at?: string | null;
  max_redemptions?: number | null;
  book_ids?: number[];
  active?: boolean;
};
