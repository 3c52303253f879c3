// GET /api/categories/{slug}: one category, its subcategories and its breadcrumb.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type CategoryDetail, categoryDetailSchema } from '../schema';

export function getCategory(
  slug: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<CategoryDetail> {
  return api.get(`/categories/${encodeURIComponent(slug)}`, {
    schema: categoryDetailSchema,
    signal,
  });
}

export function getCategoryQueryOptions(slug: string) {
  return queryOptions({
    queryKey: ['categories', 'detail', slug],
    queryFn: ({ signal }) => getCategory(slug, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCategory(slug: string) {
  return useQuery(getCategoryQueryOptions(slug));
}
