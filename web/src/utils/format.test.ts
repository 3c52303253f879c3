// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatLatency, formatUptime } from './format';

describe('formatUptime', () => {
  it.each([
    [0, '0s'],
    [12, '12s'],
    [60, '1m'],
    [200, '3m 20s'],
    [7_500, '2h 5m'],
    [86_400, '1d'],
    [356_400, '4d 3h'],
  ])('%i seconds is %s', (seconds, text) => {
    expect(formatUptime(seconds)).toBe(text);
  });
});

describe('formatLatency', () => {
  it.each([
    [0.004, '<0.01 ms'],
    [0.01, '0.01 ms'],
    [0.4, '0.4 ms'],
    [12.34, '12 ms'],
  ])('%f ms is %s', (ms, text) => {
    expect(formatLatency(ms)).toBe(text);
  });
});
