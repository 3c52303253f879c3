// At sign-in, the books a visitor put in the browser's cart join the server cart (POST
// /api/cart/merge) and the local cart empties. Runs whenever the session is signed in and the
// local cart holds something: after signing in, after a page load that restores the session,
// and when another tab fills the local cart. One merge at a time; a failed one (offline) leaves
// the local cart as it was and is tried again at the next change.
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { ApiError } from '@/lib/api-client';
import { getSession, subscribeSession } from '@/lib/session';
import { CART_QUERY_KEY } from '../api/get-cart';
import { type MergeAnswer, mergeCart } from '../api/merge-cart';
import {
  type LocalCartEntry,
  dropFromLocalCart,
  getLocalCart,
  subscribeLocalCart,
} from '../utils/local-cart';

/** What the cart page tells the reader after a merge that left books out. */
export type MergeNotice = { skipped: Array<{ title: string; reason: string }> };

let notice: MergeNotice | null = null;
const noticeListeners = new Set<() => void>();

function setNotice(next: MergeNotice | null): void {
  notice = next;
  for (const listener of noticeListeners) listener();
}

export function useMergeNotice(): [MergeNotice | null, () => void] {
  const value = useSyncExternalStore(
    (listener) => {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    () => notice,
    () => notice,
  );
  return [value, () => setNotice(null)];
}

function noticeOf(
  skipped: MergeAnswer['skipped'],
  sent: readonly LocalCartEntry[],
): MergeNotice | null {
  if (skipped.length === 0) return null;
  return {
    skipped: skipped.map(({ book_id, reason }) => ({
      title: sent.find((e) => String(e.book_id) === String(book_id))?.title ?? `Book ${book_id}`,
      reason,
    })),
  };
}

let inflight: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;
const RETRY_MS = [2_000, 5_000, 15_000];

/** A failure worth trying again (offline, 5xx, 429), not a refusal. */
function transient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500 || error.status === 429;
}

/** Merges the local cart into the signed-in user's cart, once at a time. */
export function mergeLocalCart(queryClient: QueryClient): Promise<void> {
  if (inflight) return inflight;
  const sent = getLocalCart();
  if (getSession().status !== 'signed-in' || sent.length === 0) return Promise.resolve();
  clearTimeout(retryTimer);

  let again = false;
  inflight = mergeCart(sent.map((e) => e.book_id))
    .then(async (answer) => {
      failures = 0;
      // Books added to the local cart while the call was out stay for another merge.
      dropFromLocalCart(sent.map((e) => e.book_id));
      again = getLocalCart().length > 0;
      const { skipped, ...cart } = answer;
      // A GET /api/cart sent before the merge landed must not overwrite the merged cart.
      await queryClient.cancelQueries({ queryKey: CART_QUERY_KEY });
      queryClient.setQueryData(CART_QUERY_KEY, cart);
      setNotice(noticeOf(skipped, sent));
    })
    .catch((error: unknown) => {
      // The local cart stays; a passing failure is tried again a little later.
      const delay = RETRY_MS[failures];
      failures += 1;
      if (transient(error) && delay !== undefined) {
        retryTimer = setTimeout(() => void mergeLocalCart(queryClient), delay);
      }
    })
    .finally(() => {
      inflight = null;
    });
  return inflight.then(() => (again ? mergeLocalCart(queryClient) : undefined));
}

export function useCartMerge(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const run = () => void mergeLocalCart(queryClient);
    run();
    const stopSession = subscribeSession(run);
    const stopCart = subscribeLocalCart(run);
    return () => {
      stopSession();
      stopCart();
    };
  }, [queryClient]);
}

/** Tests only. */
export function resetCartMergeForTests(): void {
  clearTimeout(retryTimer);
  failures = 0;
  inflight = null;
  notice = null;
}
