// Order history search params (GET /api/orders is paged). The order shapes live in
// lib/commerce-schema.ts, shared with checkout and the admin pages.
import { z } from 'zod';

export const ORDERS_PAGE_SIZE = 20;

export const ordersSearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type OrdersSearch = z.infer<typeof ordersSearchSchema>;
