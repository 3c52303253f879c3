// The signed-in session. The access token lives only in this module's memory (never in
// storage); the refresh token is an HttpOnly cookie on /api/auth that the browser sends
// by itself. Refreshes are single-flight: concurrent 401s, the expiry timer and the
// start-up restore all share one POST /api/auth/refresh, and tabs take turns through a
// Web Lock, because the server rotates the cookie and treats a reused one as theft.
import { z } from 'zod';
import { ApiError, apiRequest, setAuthHandler } from '@/lib/api-client';
import { hasSessionHint, onOtherTabSession, setSessionHint } from '@/lib/session-hint';
import { type SessionPayload, type User, sessionPayloadSchema } from '@/lib/user-schema';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';
export type SessionState = { status: SessionStatus; user: User | null };

/** Refresh this long before the access token expires (at most a fifth of its life). */
const REFRESH_MARGIN_MS = 60_000;
/** A token this close to expiry is refreshed before a call rather than sent. */
const STALE_MARGIN_MS = 10_000;
const LOCK_NAME = 'mangu-auth-refresh';

const initialState: SessionState = { status: 'unknown', user: null };
const signedOut: SessionState = { status: 'signed-out', user: null };

let state: SessionState = initialState;
let accessToken: string | null = null;
let expiresAt = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflightRefresh: Promise<string | null> | null = null;
let restoring: Promise<SessionState> | null = null;
let signingOut: Promise<void> | null = null;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSession(): SessionState {
  return state;
}

export function getAccessToken(): string | null {
  return accessToken;
}

function refreshDelay(lifetimeMs: number): number {
  const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 5);
  return Math.max(lifetimeMs - margin, 1_000);
}

/** Takes the answer of signup, login, refresh or change-password. */
export function startSession(payload: SessionPayload): void {
  const lifetimeMs = payload.expires_in * 1000;
  accessToken = payload.access_token;
  expiresAt = Date.now() + lifetimeMs;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshSession().catch(() => undefined);
  }, refreshDelay(lifetimeMs));
  setSessionHint(true);
  setState({ status: 'signed-in', user: payload.user });
}

/** A newer copy of the signed-in user (profile saved, email verified). */
export function updateSessionUser(user: User): void {
  if (state.user && String(state.user.id) === String(user.id)) {
    setState({ status: 'signed-in', user });
  }
}

function forget(): void {
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  refreshTimer = undefined;
  if (state.status !== 'signed-out') setState(signedOut);
}

/** Forgets the session in this tab and tells the others (no server call). */
export function endSession(): void {
  setSessionHint(false);
  forget();
}

function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK_NAME, task) : task();
}

/** A 4xx other than 429 means the cookie is gone, expired or revoked. */
function isNoSession(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429
  );
}

async function requestRefresh(): Promise<string | null> {
  try {
    const payload = await apiRequest('/auth/refresh', {
      method: 'POST',
      schema: sessionPayloadSchema,
      auth: false,
    });
    startSession(payload);
    return payload.access_token;
  } catch (error) {
    if (!isNoSession(error)) throw error;
    endSession();
    return null;
  }
}

/**
 * Trades the refresh cookie for a new access token. Resolves to the token, or null
 * when there is no session (the state becomes signed-out); rejects when the server
 * could not be reached or failed, leaving the session as it was.
 */
export function refreshSession(): Promise<string | null> {
  inflightRefresh ??= withRefreshLock(requestRefresh).finally(() => {
    inflightRefresh = null;
  });
  return inflightRefresh;
}

/** Restores the session from the refresh cookie once per page load. */
export function restoreSession(): Promise<SessionState> {
  if (restoring) return restoring;
  if (state.status !== 'unknown' || !hasSessionHint()) {
    // Already known (signed in or out on this page), or never signed in in this browser.
    if (state.status === 'unknown') setState(signedOut);
    restoring = Promise.resolve(state);
    return restoring;
  }
  restoring = refreshSession().then(
    () => state,
    () => {
      if (state.status === 'unknown') setState(signedOut);
      return state;
    },
  );
  return restoring;
}

/** The session once it is known: waits for the start-up restore when needed. */
export async function ensureSession(): Promise<SessionState> {
  if (state.status !== 'unknown') return state;
  return restoreSession();
}

/** Ends the session on the server (POST /api/auth/logout) and in every tab. */
export function signOut(): Promise<void> {
  signingOut ??= apiRequest('/auth/logout', { method: 'POST', schema: z.unknown(), auth: false })
    .then(
      () => undefined,
      () => undefined, // offline or already gone: forget the session here all the same
    )
    .finally(() => {
      endSession();
      signingOut = null;
    });
  return signingOut;
}

setAuthHandler({
  async accessToken() {
    if (state.status === 'unknown') await restoreSession();
    if (accessToken && Date.now() > expiresAt - STALE_MARGIN_MS) {
      return refreshSession().catch(() => accessToken);
    }
    return accessToken;
  },
  async refreshAfterUnauthorized(rejected) {
    // Another call refreshed while this one was out: retry with its token.
    if (accessToken && accessToken !== rejected) return accessToken;
    if (!rejected && state.status !== 'signed-in') return null;
    return refreshSession().catch(() => null);
  },
});

onOtherTabSession((signedIn) => {
  if (!signedIn) forget();
  else if (state.status !== 'signed-in') void refreshSession().catch(() => undefined);
});

/** Tests only: back to a fresh page load. */
export function resetSessionForTests(): void {
  clearTimeout(refreshTimer);
  state = initialState;
  accessToken = null;
  expiresAt = 0;
  refreshTimer = undefined;
  inflightRefresh = null;
  restoring = null;
  signingOut = null;
}
