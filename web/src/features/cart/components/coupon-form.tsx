// The cart's coupon: a code field and Apply, or the applied code with Remove. The server decides
// whether a code is valid and what it takes off; problems it reports are shown as it words them.
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { controlClasses, invalidClasses } from '@/components/ui/field-shell';
import { ApiError } from '@/lib/api-client';
import type { CartCoupon } from '@/lib/commerce-schema';
import { formErrorMessage } from '@/lib/form-errors';
import { formatMoney } from '@/utils/money';
import { useApplyCoupon, useRemoveCoupon } from '../api/update-cart';

function describe(coupon: CartCoupon): string {
  if (coupon.kind === 'percent') return `${coupon.amount}% off`;
  return coupon.currency ? `${formatMoney(coupon.amount, coupon.currency)} off` : 'Discount';
}

function couponError(error: unknown): string | null {
  if (error instanceof ApiError && error.status === 404)
    return 'There is no coupon with that code.';
  return formErrorMessage(error);
}

export function CouponForm({ coupon }: { coupon: CartCoupon | null | undefined }) {
  const [code, setCode] = useState('');
  const apply = useApplyCoupon();
  const remove = useRemoveCoupon();
  const inputId = useId();
  const errorId = useId();

  if (coupon) {
    return (
      <div className="flex flex-col gap-2" data-testid="applied-coupon">
        <div className="flex items-center justify-between gap-3 rounded-xl border border-dashed border-accent/50 bg-accent/5 px-3.5 py-2.5">
          <div className="min-w-0">
            <p className="font-mono text-sm font-semibold tracking-wider text-ink">{coupon.code}</p>
            <p className="text-xs text-ink-muted">{describe(coupon)}</p>
          </div>
          <Button
            variant="ghost"
            className="min-h-8 px-3 text-sm"
            disabled={remove.isPending}
            onClick={() => remove.mutate(undefined)}
            aria-label={`Remove coupon ${coupon.code}`}
          >
            {remove.isPending ? 'Removing…' : 'Remove'}
          </Button>
        </div>
        {!coupon.applies && (
          <p role="status" className="text-sm text-warning">
            {coupon.problem
              ? `This coupon gives nothing now: ${coupon.problem}.`
              : 'This coupon gives nothing for these books.'}
          </p>
        )}
        {remove.error && (
          <p role="alert" className="text-sm text-negative">
            {formErrorMessage(remove.error)}
          </p>
        )}
      </div>
    );
  }

  const error = couponError(apply.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return;
    apply.mutate(code, { onSuccess: () => setCode('') });
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className="text-sm font-medium text-ink">
        Coupon code
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
            if (apply.error) apply.reset();
          }}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          placeholder="e.g. SPRING20"
          className={`${controlClasses} h-10 min-w-0 flex-1 font-mono uppercase placeholder:normal-case ${invalidClasses(Boolean(error))}`}
        />
        <Button type="submit" variant="secondary" disabled={apply.isPending || !code.trim()}>
          {apply.isPending ? 'Applying…' : 'Apply'}
        </Button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-negative">
          {error}
        </p>
      )}
    </form>
  );
}
