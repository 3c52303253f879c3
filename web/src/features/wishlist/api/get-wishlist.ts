// GET /api/wishlist: my wishlist (up to 100 books, the most the API pages at once).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type WishlistPage, wishlistPageSchema } from '../schema';

export function getWishlist({ signal }: { signal?: AbortSignal } = {}): Promise<WishlistPage> {
  return api.get('/wishlist?limit=100', { schema: wishlistPageSchema, signal });
}

export function getWishlistQueryOptions() {
  return queryOptions({
    queryKey: ['wishlist'],
    queryFn: ({ signal }) => getWishlist({ signal }),
  });
}

export function useWishlist({ enabled = true } = {}) {
  return useQuery({ ...getWishlistQueryOptions(), enabled });
}
