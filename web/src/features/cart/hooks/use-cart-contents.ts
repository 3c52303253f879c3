// What the cart holds right now, whoever is looking: the server cart when signed in, the
// browser's local cart otherwise. For the header count and the book page's buttons.
import { useSyncExternalStore } from 'react';
import { useSession } from '@/hooks/use-session';
import { useCart } from '../api/get-cart';
import { getLocalCart, subscribeLocalCart } from '../utils/local-cart';

export function useLocalCart() {
  return useSyncExternalStore(subscribeLocalCart, getLocalCart, getLocalCart);
}

export type CartContents = {
  /** 'server' when signed in, 'local' for visitors, 'unknown' while the session loads. */
  source: 'server' | 'local' | 'unknown';
  bookIds: number[];
  loading: boolean;
};

export function useCartContents(): CartContents {
  const { status } = useSession();
  const signedIn = status === 'signed-in';
  const cart = useCart(signedIn);
  const local = useLocalCart();

  if (status === 'unknown') return { source: 'unknown', bookIds: [], loading: true };
  if (!signedIn) return { source: 'local', bookIds: local.map((e) => e.book_id), loading: false };
  return {
    source: 'server',
    bookIds: cart.data?.items.map((item) => item.book.id) ?? [],
    loading: cart.isPending,
  };
}
