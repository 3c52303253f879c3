// The current session for components; starts the one-time restore from the refresh cookie.
import { useEffect, useSyncExternalStore } from 'react';
import { type SessionState, getSession, restoreSession, subscribeSession } from '@/lib/session';

export function useSession(): SessionState {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);

  useEffect(() => {
    void restoreSession();
  }, []);

  return session;
}
