// GET /api/categories: the whole category tree with book counts.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type Category, categoryTreeSchema } from '../schema';

export async function listCategories({ signal }: { signal?: AbortSignal } = {}): Promise<
  Category[]
> {
  const body = await api.get('/categories', { schema: categoryTreeSchema, signal });
  return body.items;
}

export function listCategoriesQueryOptions() {
  return queryOptions({
    queryKey: ['categories', 'tree'],
    queryFn: ({ signal }) => listCategories({ signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCategories() {
  return useQuery(listCategoriesQueryOptions());
}

/** The tree as a flat list in display order, each with its depth (for indented choices). */
export function flattenCategories(
  tree: Category[],
  depth = 0,
): Array<{ category: Category; depth: number }> {
  return tree.flatMap((category) => [
    { category, depth },
    ...flattenCategories(category.children, depth + 1),
  ]);
}
