// PUT / DELETE /api/wishlist/{book_id}: both idempotent (204). The list updates at once and is
// put back if the call fails.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { type BookSummary } from '@/lib/catalog-schema';
import { type WishlistPage } from '../schema';

type Change = { book: BookSummary; wanted: boolean };

export async function setWishlisted({ book, wanted }: Change): Promise<void> {
  const path = `/wishlist/${book.id}`;
  if (wanted) await api.put(path, undefined, { schema: z.unknown() });
  else await api.delete(path, { schema: z.unknown() });
}

function apply(page: WishlistPage | undefined, { book, wanted }: Change): WishlistPage | undefined {
  if (!page) return page;
  const without = page.items.filter((b) => b.id !== book.id);
  const items = wanted ? [book, ...without] : without;
  return { ...page, items, total: page.total + (items.length - page.items.length) };
}

export function useSetWishlisted() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: setWishlisted,
    onMutate: async (change) => {
      await client.cancelQueries({ queryKey: ['wishlist'] });
      const before = client.getQueryData<WishlistPage>(['wishlist']);
      client.setQueryData<WishlistPage | undefined>(['wishlist'], (page) => apply(page, change));
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) client.setQueryData(['wishlist'], context.before);
    },
    onSettled: () => void client.invalidateQueries({ queryKey: ['wishlist'] }),
  });
}
