// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api-client';
import { shouldRetry } from './query-client';

const apiError = (status: number) => new ApiError({ status, code: 'x', message: 'x' });

describe('shouldRetry', () => {
  it('never retries a client error', () => {
    expect(shouldRetry(0, apiError(404))).toBe(false);
    expect(shouldRetry(0, apiError(429))).toBe(false);
  });

  it('retries server and network errors twice', () => {
    expect(shouldRetry(0, apiError(503))).toBe(true);
    expect(shouldRetry(1, new NetworkError('down'))).toBe(true);
    expect(shouldRetry(2, new NetworkError('down'))).toBe(false);
  });
});
