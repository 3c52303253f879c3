// Fetch wrapper for the mangu JSON API: sends cookies, validates bodies with
// zod, and turns failures into ApiError (the server answered) or NetworkError
// (it could not be reached).
import { z } from 'zod';
import { env } from '@/config/env';

export type ApiErrorDetails = Record<string, unknown>;

type ApiErrorInit = {
  status: number;
  code: string;
  message: string;
  details?: ApiErrorDetails | undefined;
  requestId?: string | undefined;
};

/** The server answered with an error, or with a body the client cannot read. */
export class ApiError extends Error {
  readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetails;
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? {};
    this.requestId = init.requestId;
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
};

/**
 * Maps a failed response to an ApiError. `body` is the parsed JSON, or
 * undefined when the body was empty or not JSON.
 */
export function toApiError(response: Response, body: unknown): ApiError {
  const headerRequestId = response.headers.get('X-Request-Id') ?? undefined;
  const parsed = errorBodySchema.safeParse(body);

  if (parsed.success) {
    const { code, message, details, request_id } = parsed.data.error;
    return new ApiError({
      status: response.status,
      code,
      message,
      details: details ?? undefined,
      requestId: request_id ?? headerRequestId,
    });
  }
  return new ApiError({
    status: response.status,
    code: 'http_error',
    message: `Request failed with status ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    requestId: headerRequestId,
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

function buildInit(options: RequestOptions<unknown>): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
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

/** Calls `path` under the API base URL ('/api') and returns the validated body. */
export async function apiRequest<T>(path: string, options: RequestOptions<T>): Promise<T> {
  let response: Response;

  try {
    response = await fetch(`${env.apiBaseUrl}${path}`, buildInit(options));
  } catch (error) {
    if (isAbort(error, options.signal)) throw error;
    throw new NetworkError('Could not reach the server', { cause: error });
  }

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
