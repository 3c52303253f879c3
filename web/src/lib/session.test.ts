import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiError, mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession } from '@/testing/fixtures/users';
import { ApiError, api } from './api-client';
import {
  ensureSession,
  getAccessToken,
  getSession,
  refreshSession,
  restoreSession,
  signOut,
  startSession,
} from './session';

const okSchema = z.object({ ok: z.boolean() });

/** GET /api/things answers 200 to `valid` tokens and 401 to anything else. */
function thingsFor(valid: string) {
  return ({ authorization }: { authorization: string | null }) =>
    authorization === `Bearer ${valid}`
      ? jsonResponse(200, { ok: true })
      : apiError(401, 'unauthorized', 'token expired');
}

/** A refresh that answers only when released, so calls pile up behind it. */
function heldRefresh(token: string) {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = async () => {
    await gate;
    return jsonResponse(200, makeSession({ access_token: token }));
  };
  return { handler, release: () => release() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('access token on calls', () => {
  it('sends the in-memory token as a bearer and never stores it', async () => {
    const mock = mockApi({ 'GET /api/things': thingsFor('token-1') });
    startSession(makeSession());

    await expect(api.get('/things', { schema: okSchema })).resolves.toEqual({ ok: true });
    expect(mock.calls[0]?.authorization).toBe('Bearer token-1');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('token-1');
    expect(document.cookie).not.toContain('token-1');
  });

  it('sends no token and never refreshes for auth: false calls (a 401 is wrong credentials)', async () => {
    const mock = mockApi({
      'POST /api/auth/login': () =>
        apiError(401, 'invalid_credentials', 'invalid email or password'),
    });
    startSession(makeSession());

    const error = await api
      .post('/auth/login', { email: 'a@b.c', password: 'x' }, { schema: okSchema, auth: false })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401, message: 'invalid email or password' });
    expect(mock.calls).toHaveLength(1);
    expect(mock.calls[0]?.authorization).toBeNull();
    expect(getSession().status).toBe('signed-in');
  });
});

describe('refresh on 401', () => {
  it('refreshes once and retries once', async () => {
    const mock = mockApi({
      'GET /api/things': thingsFor('token-2'),
      'POST /api/auth/refresh': () => jsonResponse(200, makeSession({ access_token: 'token-2' })),
    });
    startSession(makeSession({ access_token: 'token-1' }));

    await expect(api.get('/things', { schema: okSchema })).resolves.toEqual({ ok: true });
    expect(mock.calls.map((call) => `${call.method} ${call.path} ${call.authorization}`)).toEqual([
      'GET /api/things Bearer token-1',
      'POST /api/auth/refresh null',
      'GET /api/things Bearer token-2',
    ]);
    expect(getAccessToken()).toBe('token-2');
  });

  it('shares one refresh between concurrent 401s', async () => {
    const refresh = heldRefresh('token-2');
    const mock = mockApi({
      'GET /api/things': thingsFor('token-2'),
      'POST /api/auth/refresh': refresh.handler,
    });
    startSession(makeSession({ access_token: 'token-1' }));

    const calls = [1, 2, 3, 4].map(() => api.get('/things', { schema: okSchema }));
    await vi.waitFor(() => expect(mock.callsTo('POST /api/auth/refresh')).toHaveLength(1));
    refresh.release();

    await expect(Promise.all(calls)).resolves.toEqual(Array(4).fill({ ok: true }));
    expect(mock.callsTo('POST /api/auth/refresh')).toHaveLength(1);
    const retries = mock
      .callsTo('GET /api/things')
      .filter((c) => c.authorization === 'Bearer token-2');
    expect(retries).toHaveLength(4);
  });

  it('retries a late 401 with the token another call already refreshed', async () => {
    let answerLate = () => undefined as void;
    const late = new Promise<void>((resolve) => {
      answerLate = resolve;
    });
    const mock = mockApi({
      'GET /api/things': thingsFor('token-2'),
      'GET /api/slow': async (call) => {
        if (call.authorization === 'Bearer token-1') {
          await late;
          return apiError(401, 'unauthorized', 'token expired');
        }
        return jsonResponse(200, { ok: true });
      },
      'POST /api/auth/refresh': () => jsonResponse(200, makeSession({ access_token: 'token-2' })),
    });
    startSession(makeSession({ access_token: 'token-1' }));

    const slow = api.get('/slow', { schema: okSchema });
    await api.get('/things', { schema: okSchema }); // 401, refresh, retry
    answerLate(); // the slow call's 401 for token-1 arrives after the refresh

    await expect(slow).resolves.toEqual({ ok: true });
    expect(mock.callsTo('POST /api/auth/refresh')).toHaveLength(1);
  });

  it('gives up after one retry instead of looping', async () => {
    const mock = mockApi({
      'GET /api/things': () => apiError(401, 'unauthorized', 'still no'),
      'POST /api/auth/refresh': () => jsonResponse(200, makeSession({ access_token: 'token-2' })),
    });
    startSession(makeSession());

    const error = await api.get('/things', { schema: okSchema }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, message: 'still no' });
    expect(mock.callsTo('GET /api/things')).toHaveLength(2);
    expect(mock.callsTo('POST /api/auth/refresh')).toHaveLength(1);
    expect(getSession().status).toBe('signed-in');
  });

  it('signs out when the refresh itself is refused, and reports the original 401', async () => {
    const mock = mockApi({
      'GET /api/things': () => apiError(401, 'unauthorized', 'token expired'),
      'POST /api/auth/refresh': () => apiError(401, 'unauthorized', 'refresh token revoked'),
    });
    startSession(makeSession());

    const error = await api.get('/things', { schema: okSchema }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401, message: 'token expired' });
    expect(mock.callsTo('GET /api/things')).toHaveLength(1);
    expect(getSession()).toEqual({ status: 'signed-out', user: null });
    expect(getAccessToken()).toBeNull();
  });

  it('keeps the session when the refresh fails for a network reason', async () => {
    mockApi({
      'GET /api/things': () => apiError(401, 'unauthorized', 'token expired'),
      'POST /api/auth/refresh': () => Promise.reject(new TypeError('fetch failed')),
    });
    startSession(makeSession());

    await expect(api.get('/things', { schema: okSchema })).rejects.toMatchObject({ status: 401 });
    expect(getSession().status).toBe('signed-in');
  });
});

describe('refresh before expiry', () => {
  it('refreshes on a timer shortly before expires_in runs out', async () => {
    vi.useFakeTimers();
    const mock = mockApi({
      'POST /api/auth/refresh': () => jsonResponse(200, makeSession({ access_token: 'token-2' })),
    });
    startSession(makeSession({ expires_in: 900 }));

    await vi.advanceTimersByTimeAsync(830_000);
    expect(mock.callsTo('POST /api/auth/refresh')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(mock.callsTo('POST /api/auth/refresh')).toHaveLength(1);
    expect(getAccessToken()).toBe('token-2');
  });

  it('refreshes before a call when the token is about to expire', async () => {
    const mock = mockApi({
      'GET /api/things': thingsFor('token-2'),
      'POST /api/auth/refresh': () => jsonResponse(200, makeSession({ access_token: 'token-2' })),
    });
    startSession(makeSession({ access_token: 'token-1', expires_in: 5 }));

    await api.get('/things', { schema: okSchema });
    expect(mock.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /api/auth/refresh',
      'GET /api/things',
    ]);
    expect(mock.calls[1]?.authorization).toBe('Bearer token-2');
  });
});

describe('restore, sign-out', () => {
  it('does not call refresh for a browser that never signed in', async () => {
    const mock = mockApi({});

    await expect(restoreSession()).resolves.toEqual({ status: 'signed-out', user: null });
    expect(mock.calls).toHaveLength(0);
  });

  it('restores the session from the refresh cookie once, however often it is asked', async () => {
    window.localStorage.setItem('mangu-session', '1');
    const mock = mockApi({
      'POST /api/auth/refresh': () => jsonResponse(200, makeSession({ access_token: 'token-9' })),
    });

    const [first, second] = await Promise.all([restoreSession(), ensureSession()]);
    await restoreSession();

    expect(first.status).toBe('signed-in');
    expect(second.user?.email).toBe('iris@example.com');
    expect(mock.calls).toHaveLength(1);
    expect(mock.calls[0]?.url).toBe('/api/auth/refresh');
    expect(mock.spy.mock.calls[0]?.[1]?.credentials).toBe('include');
  });

  it('treats a refused restore as signed out and forgets the hint', async () => {
    window.localStorage.setItem('mangu-session', '1');
    mockApi({ 'POST /api/auth/refresh': () => apiError(401, 'unauthorized', 'no session') });

    await expect(restoreSession()).resolves.toEqual({ status: 'signed-out', user: null });
    expect(window.localStorage.getItem('mangu-session')).toBeNull();
  });

  it('signs out on the server and here', async () => {
    const mock = mockApi({ 'POST /api/auth/logout': () => new Response(null, { status: 204 }) });
    startSession(makeSession());

    await signOut();

    expect(mock.callsTo('POST /api/auth/logout')).toHaveLength(1);
    expect(getSession()).toEqual({ status: 'signed-out', user: null });
    expect(getAccessToken()).toBeNull();
    expect(window.localStorage.getItem('mangu-session')).toBeNull();
  });

  it('still signs out here when the server cannot be reached', async () => {
    mockApi({ 'POST /api/auth/logout': () => Promise.reject(new TypeError('offline')) });
    startSession(makeSession());

    await signOut();
    expect(getSession().status).toBe('signed-out');
  });

  it('single-flights refreshSession itself', async () => {
    const refresh = heldRefresh('token-3');
    const mock = mockApi({ 'POST /api/auth/refresh': refresh.handler });
    const both = Promise.all([refreshSession(), refreshSession()]);
    refresh.release();

    await expect(both).resolves.toEqual(['token-3', 'token-3']);
    expect(mock.calls).toHaveLength(1);
  });
});
