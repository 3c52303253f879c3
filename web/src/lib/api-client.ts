// Fetch wrapper for the mangu JSON API: sends cookies, validates bodies with
// zod, and turns failures into ApiError (the server answered) or NetworkError
// (it could not be reached). When an auth handler is installed (lib/session.ts
// installs one), calls carry `Authorization: Bearer` and a 401 is answered by
// one refresh of the access token and one retry.
import { z } from 'zod';
import { env } from '@/config/env';

export type ApiErrorDetails = Record<string, unknown>;

type ApiErrorInit = {
  status: number;
  code: string;
  message: string;
  details?: ApiErrorDetails | undefined;
  requestId?: string | undefined;
  retryAfterSeconds?: number | undefined;
};

/** The server answered with an error, or with a body the client cannot read. */
export class ApiError extends Error {
  readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetails;
  readonly requestId: string | undefined;
  /** From a 429's Retry-After header, when it gives seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? {};
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** The request never got an answer: server down, offline, DNS, CORS. */
export class NetworkError extends Error {
  readonly name = 'NetworkError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const errorBodySchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).nullish(),
    request_id: z.string().nullish(),
  }),
});

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions<T> = {
  method?: HttpMethod;
  /** Sent as JSON when present. */
  body?: unknown;
  /** Validates the response body; its output is what the call returns. */
  schema: z.ZodType<T>;
  signal?: AbortSignal | undefined;
  /** Non-2xx statuses whose body is a normal answer (health's 503). */
  acceptStatus?: readonly number[];
  /**
   * false: send no access token and never refresh on 401 (sign-in, sign-up, the
   * refresh call itself: their 401 means "wrong credentials", not "token expired").
   */
  auth?: boolean;
};

/** How the client gets access tokens; lib/session.ts provides it. */
export type AuthHandler = {
  /** The token to send now (may refresh first when it is about to expire), or null. */
  accessToken(): Promise<string | null>;
  /**
   * A call sent with `rejected` got 401: returns a fresh token to retry with, or
   * null when there is no session to refresh.
   */
  refreshAfterUnauthorized(rejected: string | null): Promise<string | null>;
};

let authHandler: AuthHandler | null = null;

export function setAuthHandler(handler: AuthHandler | null): void {
  authHandler = handler;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/**
 * Maps a failed response to an ApiError. `body` is the parsed JSON, or
 * undefined when the body was empty or not JSON.
 */
export function toApiError(response: Response, body: unknown): ApiError {
  const headerRequestId = response.headers.get('X-Request-Id') ?? undefined;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const parsed = errorBodySchema.safeParse(body);

  if (parsed.success) {
    const { code, message, details, request_id } = parsed.data.error;
    return new ApiError({
      status: response.status,
      code,
      message,
      details: details ?? undefined,
      requestId: request_id ?? headerRequestId,
      retryAfterSeconds,
    });
  }
  return new ApiError({
    status: response.status,
    code: 'http_error',
    message: `Request failed with status ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    requestId: headerRequestId,
    retryAfterSeconds,
  });
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();

  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function buildInit(options: RequestOptions<unknown>, token: string | null): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'include',
    headers,
    signal: options.signal ?? null,
  };

  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  return init;
}

async function send(
  path: string,
  options: RequestOptions<unknown>,
  token: string | null,
): Promise<Response> {
  try {
    return await fetch(`${env.apiBaseUrl}${path}`, buildInit(options, token));
  } catch (error) {
    if (isAbort(error, options.signal)) throw error;
    throw new NetworkError('Could not reach the server', { cause: error });
  }
}

/** Sends the call; on 401 asks the auth handler for a fresh token and retries once. */
async function sendWithAuth(path: string, options: RequestOptions<unknown>): Promise<Response> {
  const handler = options.auth === false ? null : authHandler;
  if (!handler) return send(path, options, null);

  const token = await handler.accessToken();
  const response = await send(path, options, token);
  if (response.status !== 401) return response;

  const fresh = await handler.refreshAfterUnauthorized(token);
  if (!fresh) return response;
  return send(path, options, fresh);
}

/** Calls `path` under the API base URL ('/api') and returns the validated body. */
export async function apiRequest<T>(path: string, options: RequestOptions<T>): Promise<T> {
  const response = await sendWithAuth(path, options);
  const body = await readBody(response);
  const accepted = response.ok || (options.acceptStatus ?? []).includes(response.status);

  if (!accepted) throw toApiError(response, body);

  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: 'The server sent a response the client could not read',
      details: { issues: parsed.error.issues },
      requestId: response.headers.get('X-Request-Id') ?? undefined,
    });
  }
  return parsed.data;
}

/**
 * Calls `path` like apiRequest (token, one refresh on 401) but hands back the raw response, for
 * bodies that are not JSON: a book's bytes, a Markdown export. A non-2xx answer throws ApiError.
 */
export async function apiFetch(
  path: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<Response> {
  const response = await sendWithAuth(path, { schema: z.unknown(), signal: options.signal });
  if (!response.ok) throw toApiError(response, await readBody(response));
  return response;
}

type MethodOptions<T> = Omit<RequestOptions<T>, 'method' | 'body'>;

export const api = {
  get: <T>(path: string, options: MethodOptions<T>) =>
    apiRequest(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body: unknown, options: MethodOptions<T>) =>
    apiRequest(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body: unknown, options: MethodOptions<T>) =>
    apiRequest(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body: unknown, options: MethodOptions<T>) =>
    apiRequest(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options: MethodOptions<T>) =>
    apiRequest(path, { ...options, method: 'DELETE' }),
};
