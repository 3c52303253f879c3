// Stubs for the global fetch: answer with JSON, text, or a network failure.
import { type MockInstance, vi } from 'vitest';

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Each argument answers one call: a Response resolves, anything else rejects. */
export function mockFetch(...responses: unknown[]): MockInstance<typeof fetch> {
  const spy = vi.spyOn(globalThis, 'fetch');
  for (const response of responses) {
    if (response instanceof Response) spy.mockResolvedValueOnce(response);
    else spy.mockRejectedValueOnce(response);
  }
  return spy;
}
