// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonResponse, mockFetch } from '@/testing/fetch';
import { ApiError, NetworkError, api, toApiError } from './api-client';

const itemSchema = z.object({ id: z.number() });

describe('toApiError', () => {
  it('maps the server error body to a typed ApiError', () => {
    const response = new Response(null, { status: 404, headers: { 'X-Request-Id': 'hdr-1' } });
    const error = toApiError(response, {
      error: {
        code: 'not_found',
        message: "book '42' not found",
        details: { id: 42 },
        request_id: 'req-7',
      },
    });

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.status).toBe(404);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe("book '42' not found");
    expect(error.details).toEqual({ id: 42 });
    expect(error.requestId).toBe('req-7');
  });

  it('falls back to the X-Request-Id header and empty details', () => {
    const response = new Response(null, { status: 422, headers: { 'X-Request-Id': 'hdr-2' } });
    const error = toApiError(response, {
      error: { code: 'validation_failed', message: 'bad title' },
    });

    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual({});
    expect(error.requestId).toBe('hdr-2');
  });

  it('describes a body that is not the error shape by its status', () => {
    const response = new Response(null, { status: 502, statusText: 'Bad Gateway' });
    const error = toApiError(response, undefined);

    expect(error.status).toBe(502);
    expect(error.code).toBe('http_error');
    expect(error.message).toBe('Request failed with status 502 Bad Gateway');
    expect(error.requestId).toBeUndefined();
  });
});

describe('api', () => {
  it('sends JSON with cookies and returns the validated body', async () => {
    const spy = mockFetch(jsonResponse(201, { id: 1, extra: 'dropped' }));

    await expect(api.post('/books', { title: 'Alice' }, { schema: itemSchema })).resolves.toEqual({
      id: 1,
    });

    const [url, init] = spy.mock.calls[0] ?? [];
    expect(url).toBe('/api/books');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('include');
    expect(init?.body).toBe('{"title":"Alice"}');
    expect(init?.headers).toMatchObject({
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
  });

  it('throws ApiError with the fields of an error response', async () => {
    mockFetch(
      jsonResponse(409, {
        error: {
          code: 'conflict',
          message: 'slug taken',
          details: { field: 'slug' },
          request_id: 'r-9',
        },
      }),
    );

    const error = await api.get('/books/x', { schema: itemSchema }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'slug taken',
      details: { field: 'slug' },
      requestId: 'r-9',
    });
  });

  it('maps a non-JSON error page to ApiError', async () => {
    mockFetch(
      new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'X-Request-Id': 'r-1' } }),
    );

    const error = await api.get('/books', { schema: itemSchema }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 502, code: 'http_error', requestId: 'r-1' });
  });

  it('returns the body of a status the caller accepts', async () => {
    mockFetch(jsonResponse(503, { id: 3 }));

    await expect(api.get('/health', { schema: itemSchema, acceptStatus: [503] })).resolves.toEqual({
      id: 3,
    });
  });

  it('throws invalid_response when the body does not match the schema', async () => {
    mockFetch(jsonResponse(200, { id: 'one' }, { 'X-Request-Id': 'r-2' }));

    const error = await api.get('/books/1', { schema: itemSchema }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, code: 'invalid_response', requestId: 'r-2' });
  });

  it('turns a failed fetch into a NetworkError that keeps the cause', async () => {
    const cause = new TypeError('fetch failed');
    mockFetch(cause);

    const error = await api.get('/health', { schema: itemSchema }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as NetworkError).cause).toBe(cause);
  });

  it('lets an abort through unchanged', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    mockFetch(abort);

    await expect(
      api.get('/health', { schema: itemSchema, signal: controller.signal }),
    ).rejects.toBe(abort);
  });
});
