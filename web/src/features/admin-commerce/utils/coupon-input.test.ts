// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Coupon } from '../schema';
import { checkCouponDraft, couponState, emptyCouponDraft } from './coupon-input';

describe('checkCouponDraft', () => {
  it('builds a percentage coupon', () => {
    expect(checkCouponDraft({ ...emptyCouponDraft, code: 'SPRING25', amount: '25' })).toEqual({
      errors: {},
      input: { code: 'SPRING25', kind: 'percent', amount: 25 },
    });
  });

  it('turns a fixed amount into minor units, with its currency, window, limit and books', () => {
    const { input, errors } = checkCouponDraft({
      ...emptyCouponDraft,
      code: 'five-off',
      kind: 'fixed',
      amount: '4.5',
      currency: 'EUR',
      maxRedemptions: '100',
      bookIds: '12, 7 12',
      starts: '2026-12-01T09:00',
      ends: '2026-12-31T23:00',
    });
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      amount: 450,
      currency: 'EUR',
      max_redemptions: 100,
      book_ids: [12, 7],
    });
    expect(input?.starts_at).toMatch(/^2026-12-01T\d\d:00:00\.000Z$/);
  });

  it('names every problem', () => {
    const { input, errors } = checkCouponDraft({
      ...emptyCouponDraft,
      code: 'no spaces!',
      amount: '120',
      maxRedemptions: '0',
      bookIds: 'twelve',
      starts: '2026-12-02T00:00',
      ends: '2026-12-01T00:00',
    });
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual([
      'amount',
      'book_ids',
      'code',
      'ends_at',
      'max_redemptions',
    ]);
  });
});

describe('couponState', () => {
  const base: Coupon = {
    id: 1,
    code: 'X',
    kind: 'percent',
    amount: 10,
    redemptions: 0,
    max_redemptions: null,
    active: true,
    book_ids: [],
  };
  const now = Date.parse('2026-11-26T00:00:00Z');

  it('tells active, inactive, scheduled, expired and used-up apart', () => {
    expect(couponState(base, now)).toBe('active');
    expect(couponState({ ...base, active: false }, now)).toBe('inactive');
    expect(couponState({ ...base, starts_at: '2026-12-01T00:00:00Z' }, now)).toBe('scheduled');
    expect(couponState({ ...base, ends_at: '2026-11-01T00:00:00Z' }, now)).toBe('expired');
    expect(couponState({ ...base, max_redemptions: 3, redemptions: 3 }, now)).toBe('used-up');
  });
});
