// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatPrice } from './money';

describe('formatPrice', () => {
  it('formats cents in the currency', () => {
    expect(formatPrice({ price_cents: 499, currency: 'USD' }, 'en-US')).toBe('$4.99');
    expect(formatPrice({ price_cents: 129900, currency: 'USD' }, 'en-US')).toBe('$1,299.00');
    expect(formatPrice({ price_cents: 1250, currency: 'eur' }, 'de-DE')).toBe('12,50\u00a0€');
  });

  it('knows currencies without minor units', () => {
    expect(formatPrice({ price_cents: 1200, currency: 'JPY' }, 'en-US')).toBe('¥1,200');
  });

  it('says Free for free books and zero prices', () => {
    expect(formatPrice({ price_cents: 0, currency: 'USD', is_free: true })).toBe('Free');
    expect(formatPrice({ price_cents: 0, currency: 'USD' })).toBe('Free');
    expect(formatPrice({ price_cents: 999, currency: 'USD', is_free: true })).toBe('Free');
  });

  it('shows an unlisted currency by its code, and survives a malformed one', () => {
    expect(formatPrice({ price_cents: 500, currency: 'XXZ' }, 'en-US')).toMatch(/^XXZ\s5\.00$/);
    expect(formatPrice({ price_cents: 500, currency: 'US' }, 'en-US')).toBe('5.00 US');
  });
});
