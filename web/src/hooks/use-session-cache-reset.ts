// When the signed-in person changes (sign-in, sign-out, another tab signing out),
// cached answers may belong to someone else: reset them so pages load afresh.
// Queries under ['auth', ...] are one-shot calls (a verification token) and stay.
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getSession, subscribeSession } from '@/lib/session';

export function useSessionCacheReset(client: QueryClient): void {
  useEffect(() => {
    let previous = getSession();
    return subscribeSession(() => {
      const next = getSession();
      const before = previous.user ? String(previous.user.id) : null;
      const after = next.user ? String(next.user.id) : null;
      if (previous.status !== 'unknown' && before !== after) {
        void client.resetQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      }
      previous = next;
    });
  }, [client]);
}
