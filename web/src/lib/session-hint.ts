// A hint, kept in localStorage, that this browser has a session: "1" or nothing. It
// holds no token (those stay in memory and in the HttpOnly cookie). It spares visitors
// who never signed in a refresh call that can only fail, and lets tabs follow each
// other: the "storage" event tells a tab when another one signed in or out.
const HINT_KEY = 'mangu-session';

export function hasSessionHint(): boolean {
  if (typeof window === 'undefined') return false;
  try {
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true; // storage blocked: try the refresh anyway
  }
}

export function setSessionHint(present: boolean): void {
  if (typeof window === 'undefined') return;
  try {
    if (present) window.localStorage.setItem(HINT_KEY, '1');
    else window.localStorage.removeItem(HINT_KEY);
  } catch {
    /* private mode or storage disabled: every page load tries the refresh */
  }
}

/** Calls back when another tab signs in (true) or out (false). Returns the unsubscribe. */
export function onOtherTabSession(callback: (signedIn: boolean) => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const listener = (event: StorageEvent) => {
    if (event.key === HINT_KEY) callback(event.newValue === '1');
    else if (event.key === null) callback(false); // storage cleared
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
