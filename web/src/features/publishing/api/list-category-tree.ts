// GET /api/categories: the category tree, for the book form's picker.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type CategoryNode, categoryTreeSchema } from '../schema';

export function listCategoryTree(signal?: AbortSignal): Promise<CategoryNode[]> {
  return api
    .get('/categories', { schema: categoryTreeSchema, signal })
    .then((answer) => answer.items);
}

export function categoryTreeQueryOptions() {
  return queryOptions({
    queryKey: ['publishing', 'category-tree'],
    queryFn: ({ signal }) => listCategoryTree(signal),
    staleTime: 5 * 60_000,
  });
}

export function useCategoryTree() {
  return useQuery(categoryTreeQueryOptions());
}
