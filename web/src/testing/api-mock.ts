// A fetch stub that answers by route: handlers keyed "METHOD /api/path" (no query).
// Every call is recorded with its URL, method, Authorization header and JSON body.
// Unknown routes answer 404 in the API's error shape.
import { type MockInstance, vi } from 'vitest';
import { jsonResponse } from './fetch';

export type RecordedCall = {
  method: string;
  url: string;
  path: string;
  search: URLSearchParams;
  authorization: string | null;
  body: unknown;
};

export type Handler = (call: RecordedCall) => Response | Promise<Response>;

export type ApiMock = {
  calls: RecordedCall[];
  /** Calls to one route, e.g. callsTo('POST /api/auth/refresh'). */
  callsTo: (route: string) => RecordedCall[];
  spy: MockInstance<typeof fetch>;
};

export function apiError(
  status: number,
  code: string,
  message: string,
  details?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(
    status,
    { error: { code, message, ...(details ? { details } : {}), request_id: `req-${status}` } },
    headers,
  );
}

export function fieldErrors(fields: Record<string, string>): Response {
  return apiError(400, 'validation_failed', 'validation failed', { fields });
}

function headerOf(init: RequestInit | undefined, name: string): string | null {
  const headers = new Headers(init?.headers);
  return headers.get(name);
}

export function mockApi(handlers: Record<string, Handler>): ApiMock {
  const calls: RecordedCall[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const call: RecordedCall = {
      method,
      url: raw,
      path: url.pathname,
      search: url.searchParams,
      authorization: headerOf(init, 'Authorization'),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    const handler = handlers[`${method} ${url.pathname}`];
    return handler
      ? handler(call)
      : apiError(404, 'not_found', `no mock for ${method} ${url.pathname}`);
  });
  return {
    calls,
    spy,
    callsTo: (route) => calls.filter((call) => `${call.method} ${call.path}` === route),
  };
}
