// Commerce shapes that more than one feature reads (cart, checkout, orders, admin-commerce). They
// mirror docs/openapi/commerce.json: Cart, CartItem, Order, OrderItem. Money is integer cents of
// an ISO currency, always computed by the server; the client only formats what it was sent.
import { z } from 'zod';
import { authorRefSchema } from '@/lib/catalog-schema';

const cents = z.number().int().nonnegative();

export const cartBookSchema = z.object({
  id: z.number(),
  slug: z.string(),
  title: z.string(),
  authors: z.array(authorRefSchema).default([]),
  cover_url: z.string().nullish(),
  price_cents: cents,
  currency: z.string(),
});

export const cartItemSchema = z.object({
  book: cartBookSchema,
  added_at: z.string().nullish(),
  available: z.boolean(),
  unavailable_reason: z.string().nullish(),
  discount_cents: cents.default(0),
});

export const cartCouponSchema = z.object({
  code: z.string(),
  kind: z.enum(['percent', 'fixed']),
  amount: z.number().int(),
  currency: z.string().nullish(),
  applies: z.boolean(),
  problem: z.string().nullish(),
});

export const cartSchema = z.object({
  items: z.array(cartItemSchema),
  subtotal_cents: cents,
  discount_cents: cents,
  total_cents: cents,
  currency: z.string().nullish(),
  coupon: cartCouponSchema.nullish(),
});

export const orderStatusSchema = z.enum([
  'pending',
  'paid',
  'refunded',
  'cancelled',
  'expired',
  'failed',
]);

export const orderItemSchema = z.object({
  book_id: z.number(),
  title: z.string(),
  unit_price_cents: cents,
  discount_cents: cents,
  price_cents: cents,
  currency: z.string(),
  book: z
    .object({
      id: z.number().nullish(),
      slug: z.string().nullish(),
      title: z.string().nullish(),
      cover_url: z.string().nullish(),
    })
    .nullish(),
});

export const orderSchema = z.object({
  id: z.number(),
  number: z.string(),
  status: orderStatusSchema,
  currency: z.string(),
  subtotal_cents: cents,
  discount_cents: cents,
  total_cents: cents,
  coupon_code: z.string().nullish(),
  provider: z.string().nullish(),
  items: z.array(orderItemSchema),
  checkout_url: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  paid_at: z.string().nullish(),
  refunded_at: z.string().nullish(),
  closed_at: z.string().nullish(),
  // Admin views only.
  user_id: z.number().nullish(),
  email: z.string().nullish(),
  provider_session_id: z.string().nullish(),
  payment_intent_id: z.string().nullish(),
});

export const orderEnvelopeSchema = z.object({ order: orderSchema });

export const orderPageSchema = z.object({
  items: z.array(orderSchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});

export type CartBook = z.infer<typeof cartBookSchema>;
export type CartItem = z.infer<typeof cartItemSchema>;
export type CartCoupon = z.infer<typeof cartCouponSchema>;
export type Cart = z.infer<typeof cartSchema>;
export type OrderStatus = z.infer<typeof orderStatusSchema>;
export type OrderItem = z.infer<typeof orderItemSchema>;
export type Order = z.infer<typeof orderSchema>;
export type OrderPage = z.infer<typeof orderPageSchema>;

export const orderStatusLabels: Record<OrderStatus, string> = {
  pending: 'Awaiting payment',
  paid: 'Paid',
  refunded: 'Refunded',
  cancelled: 'Cancelled',
  expired: 'Expired',
  failed: 'Payment failed',
};
