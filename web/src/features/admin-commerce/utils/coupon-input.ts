// Turns the coupon form's text into CouponInput: amounts typed in major units ("5.50") become
// minor units (550) exactly, without floating point; dates typed in local time become RFC 3339.
import { parseMinorUnits } from '@/utils/money';
import type { Coupon, CouponInput } from '../schema';

export type CouponDraft = {
  code: string;
  kind: 'percent' | 'fixed';
  amount: string;
  currency: string;
  starts: string;
  ends: string;
  maxRedemptions: string;
  bookIds: string;
};

export const emptyCouponDraft: CouponDraft = {
  code: '',
  kind: 'percent',
  amount: '',
  currency: 'USD',
  starts: '',
  ends: '',
  maxRedemptions: '',
  bookIds: '',
};

function localToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export type DraftCheck = { input: CouponInput | null; errors: Record<string, string> };

export function checkCouponDraft(draft: CouponDraft): DraftCheck {
  const errors: Record<string, string> = {};
  const code = draft.code.trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(code))
    errors.code = 'Use 1 to 64 letters, digits, dashes or underscores.';

  let amount: number | null;
  if (draft.kind === 'percent') {
    amount = /^\d{1,3}$/.test(draft.amount.trim()) ? Number(draft.amount.trim()) : null;
    if (amount === null || amount < 1 || amount > 100)
      errors.amount = 'Enter a whole percentage from 1 to 100.';
  } else {
    amount = parseMinorUnits(draft.amount, draft.currency);
    if (amount === null || amount < 1) errors.amount = 'Enter an amount such as 5 or 4.99.';
  }

  const startsAt = localToIso(draft.starts);
  const endsAt = localToIso(draft.ends);
  if (startsAt && endsAt && endsAt <= startsAt)
    errors.ends_at = 'The end must come after the start.';

  let max: number | null = null;
  if (draft.maxRedemptions.trim()) {
    max = /^\d{1,9}$/.test(draft.maxRedemptions.trim()) ? Number(draft.maxRedemptions.trim()) : 0;
    if (max < 1) errors.max_redemptions = 'Enter a whole number of uses, or leave it empty.';
  }

  const ids = draft.bookIds
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (ids.some((id) => !/^\d{1,12}$/.test(id)))
    errors.book_ids = 'List book ids as numbers, separated by commas.';
  if (ids.length > 100) errors.book_ids = 'A coupon can name at most 100 books.';

  if (Object.keys(errors).length > 0 || amount === null) return { input: null, errors };
  return {
    errors,
    input: {
      code,
      kind: draft.kind,
      amount,
      ...(draft.kind === 'fixed' ? { currency: draft.currency } : {}),
      ...(startsAt ? { starts_at: startsAt } : {}),
      ...(endsAt ? { ends_at: endsAt } : {}),
      ...(max ? { max_redemptions: max } : {}),
      ...(ids.length > 0 ? { book_ids: [...new Set(ids.map(Number))] } : {}),
    },
  };
}

export type CouponState = 'active' | 'inactive' | 'scheduled' | 'expired' | 'used-up';

export function couponState(coupon: Coupon, now = Date.now()): CouponState {
  if (!coupon.active) return 'inactive';
  if (coupon.ends_at && Date.parse(coupon.ends_at) <= now) return 'expired';
  if (coupon.starts_at && Date.parse(coupon.starts_at) > now) return 'scheduled';
  if (coupon.max_redemptions != null && coupon.redemptions >= coupon.max_redemptions)
    return 'used-up';
  return 'active';
}
