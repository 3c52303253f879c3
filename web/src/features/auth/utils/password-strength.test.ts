// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { estimateStrength } from './password-strength';

describe('estimateStrength', () => {
  it('is empty for nothing and too short under 10 characters', () => {
    expect(estimateStrength('').score).toBe(0);
    expect(estimateStrength('abc')).toMatchObject({ score: 1, label: 'Too short' });
  });

  it('rates common words, sequences and repeats low', () => {
    expect(estimateStrength('password1234').score).toBeLessThanOrEqual(2);
    expect(estimateStrength('abcdefghij').score).toBeLessThanOrEqual(2);
    expect(estimateStrength('aaaaaaaaaaaa').score).toBe(1);
    expect(estimateStrength('1234567890').score).toBe(1);
  });

  it('rates a long mixed phrase strong', () => {
    expect(estimateStrength('Velvet harbor; quietly drifts 7').score).toBe(4);
  });

  it('marks down passwords built on the user’s own name', () => {
    const plain = estimateStrength('calloway-river-88');
    const named = estimateStrength('calloway-river-88', ['Calloway']);
    expect(named.score).toBeLessThan(plain.score);
  });
});
