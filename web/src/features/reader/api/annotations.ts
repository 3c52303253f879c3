// Bookmarks and highlights: /api/library/{book_id}/annotations (list, create, patch, delete) and
// the Markdown export at .../annotations.md.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, apiFetch } from '@/lib/api-client';
import {
  type Annotation,
  type AnnotationInput,
  annotationListSchema,
  annotationSchema,
} from '../schema';

function base(bookId: string): string {
  return `/library/${encodeURIComponent(bookId)}/annotations`;
}

export function annotationsQueryOptions(bookId: string) {
  return queryOptions({
    queryKey: ['library', 'annotations', bookId],
    queryFn: async ({ signal }) =>
      (await api.get(base(bookId), { schema: annotationListSchema, signal })).items,
  });
}

export function useAnnotations(bookId: string, { enabled }: { enabled: boolean }) {
  return useQuery({ ...annotationsQueryOptions(bookId), enabled });
}

function useAnnotationCache(bookId: string) {
  const client = useQueryClient();
  const key = annotationsQueryOptions(bookId).queryKey;
  return {
    update: (change: (items: Annotation[]) => Annotation[]) =>
      client.setQueryData<Annotation[]>(key, (items) => change(items ?? [])),
  };
}

export function useCreateAnnotation(bookId: string) {
  const cache = useAnnotationCache(bookId);
  return useMutation({
    mutationFn: (input: AnnotationInput) =>
      api.post(base(bookId), input, { schema: annotationSchema }),
    onSuccess: (created) =>
      cache.update((items) => [...items.filter((a) => a.id !== created.id), created]),
  });
}

export function useUpdateAnnotation(bookId: string) {
  const cache = useAnnotationCache(bookId);
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note: string | null }) =>
      api.patch(`${base(bookId)}/${id}`, { note }, { schema: annotationSchema }),
    onSuccess: (updated) =>
      cache.update((items) => items.map((a) => (a.id === updated.id ? updated : a))),
  });
}

export function useDeleteAnnotation(bookId: string) {
  const cache = useAnnotationCache(bookId);
  return useMutation({
    mutationFn: (id: number) => api.delete(`${base(bookId)}/${id}`, { schema: z.unknown() }),
    onSuccess: (_answer, id) => cache.update((items) => items.filter((a) => a.id !== id)),
  });
}

/** Downloads my notes as a Markdown file (fetched with the token, then saved from a blob). */
export async function downloadAnnotations(bookId: string, fileName: string): Promise<void> {
  const response = await apiFetch(`${base(bookId)}.md`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
