// GET /api/health, as src/api/health.c emits it (200 or 503, same body).
import { z } from 'zod';

export const healthStatusSchema = z.enum(['ok', 'degraded', 'down']);
export const checkStatusSchema = z.enum(['up', 'down']);

export const healthCheckSchema = z.object({
  status: checkStatusSchema,
  driver: z.string().optional(),
  latency_ms: z.number().nonnegative().optional(),
  error: z.string().optional(),
});

export const healthSchema = z.object({
  status: healthStatusSchema,
  version: z.string(),
  uptime_s: z.number().nonnegative(),
  checks: z.record(z.string(), healthCheckSchema),
});

export type HealthStatus = z.infer<typeof healthStatusSchema>;
export type CheckStatus = z.infer<typeof checkStatusSchema>;
export type HealthCheck = z.infer<typeof healthCheckSchema>;
export type Health = z.infer<typeof healthSchema>;
