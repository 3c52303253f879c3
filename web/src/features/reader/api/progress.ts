// GET/PUT /api/library/{book_id}/progress: where I am in a book, on any device. The PUT has a
// keepalive form for when the page is being hidden or closed: it must not wait for a token
// refresh, so it sends the token the session holds now.
import { queryOptions } from '@tanstack/react-query';
import { env } from '@/config/env';
import { api } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';
import { type Progress, progressSchema } from '../schema';

export type ProgressBody = {
  position: string;
  progress: number;
  device_id: string;
  device_name?: string;
};

function path(bookId: string): string {
  return `/library/${encodeURIComponent(bookId)}/progress`;
}

export function getProgress(bookId: string, { signal }: { signal?: AbortSignal } = {}) {
  return api.get(path(bookId), { schema: progressSchema, signal });
}

export function progressQueryOptions(bookId: string) {
  return queryOptions({
    queryKey: ['library', 'progress', bookId],
    queryFn: ({ signal }) => getProgress(bookId, { signal }),
    staleTime: 0,
    gcTime: 0,
  });
}

export function clampProgress(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, Math.round(value * 10_000) / 10_000));
}

export async function saveProgress(
  bookId: string,
  body: ProgressBody,
  { keepalive = false }: { keepalive?: boolean } = {},
): Promise<Progress | null> {
  const payload = { ...body, progress: clampProgress(body.progress) };
  if (!keepalive) return api.put(path(bookId), payload, { schema: progressSchema });

  const token = getAccessToken();
  const response = await fetch(`${env.apiBaseUrl}${path(bookId)}`, {
    method: 'PUT',
    keepalive: true,
    credentials: 'include',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(payload),
  });
  if (!response.ok) throw new Error(`progress not saved (${response.status})`);
  return null;
}
