// Fetcher, query options and hook for the server's health report.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type Health, healthSchema } from '../schema';

/** The load balancer polls every 30 s; the page does the same. */
export const HEALTH_REFRESH_MS = 30_000;

/** A 503 still carries a health report (status "down"), so it is not an error here. */
export function getHealth({ signal }: { signal?: AbortSignal } = {}): Promise<Health> {
  return api.get('/health', { schema: healthSchema, signal, acceptStatus: [503] });
}

export function getHealthQueryOptions() {
  return queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth({ signal }),
    refetchInterval: HEALTH_REFRESH_MS,
  });
}

export function useHealth() {
  return useQuery(getHealthQueryOptions());
}
