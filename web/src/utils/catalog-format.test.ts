// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatBookFormat, formatLanguage, formatYear, joinNames } from './catalog-format';

describe('catalog formatters', () => {
  it('names languages and formats', () => {
    expect(formatLanguage('en')).toBe('English');
    expect(formatLanguage('es')).toBe('Spanish');
    expect(formatLanguage(null)).toBe('—');
    expect(formatBookFormat('epub')).toBe('EPUB');
    expect(formatBookFormat('mobi')).toBe('MOBI');
  });

  it('reads the year of a timestamp', () => {
    expect(formatYear('2026-03-12T10:00:00Z')).toBe('2026');
    expect(formatYear('not a date')).toBe('');
  });

  it('joins author names', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
