// GET /api/me/books/{id}/stats?days=30: daily views, purchases and revenue, zeros included.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type DayStats, bookStatsSchema } from '../schema';

export async function getBookStats(
  id: number,
  days: number,
  signal?: AbortSignal,
): Promise<DayStats[]> {
  const answer = await api.get(`/me/books/${id}/stats?days=${days}`, {
    schema: bookStatsSchema,
    signal,
  });
  return answer.days;
}

export function bookStatsQueryOptions(id: number, days = 30) {
  return queryOptions({
    queryKey: ['publishing', 'stats', id, days],
    queryFn: ({ signal }) => getBookStats(id, days, signal),
    staleTime: 60_000,
  });
}

export function useBookStats(id: number | null, days = 30) {
  return useQuery({ ...bookStatsQueryOptions(id ?? 0, days), enabled: id !== null });
}
