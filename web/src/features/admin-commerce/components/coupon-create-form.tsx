// Creates a coupon: code, percentage or fixed amount, optional window, use limit and books.
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldShell, controlClasses, invalidClasses } from '@/components/ui/field-shell';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import { ApiError } from '@/lib/api-client';
import { useCreateCoupon } from '../api/admin-coupons';
import { type CouponDraft, checkCouponDraft, emptyCouponDraft } from '../utils/coupon-input';

const FIELDS = [
  'code',
  'kind',
  'amount',
  'currency',
  'starts_at',
  'ends_at',
  'max_redemptions',
  'book_ids',
];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'BRL', 'INR'];

export function CouponCreateForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const create = useCreateCoupon();
  const [draft, setDraft] = useState<CouponDraft>(emptyCouponDraft);
  const [created, setCreated] = useState<string | null>(null);

  const set = <K extends keyof CouponDraft>(key: K, value: CouponDraft[K], field: string = key) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setCreated(null);
    errors.clearField(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = checkCouponDraft(draft);
    if (!errors.check(found) || !input) return;
    create.mutate(input, {
      onSuccess: (coupon) => {
        setCreated(coupon.code);
        setDraft(emptyCouponDraft);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) {
          errors.check({ code: 'A coupon with this code exists already.' });
        } else {
          errors.fromError(error, FIELDS);
        }
      },
    });
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="flex flex-col gap-5">
      {created ? (
        <FormAlert tone="success">
          Coupon <span className="font-mono">{created}</span> created. Readers can use it now.
        </FormAlert>
      ) : (
        <FormAlert>{errors.alert}</FormAlert>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label="Code"
          value={draft.code}
          onChange={(e) => set('code', e.target.value.toUpperCase())}
          error={errors.fields.code}
          hint="Readers type it in the cart; case does not matter."
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          className="font-mono"
        />
        <FieldShell label="Discount" error={errors.fields.amount}>
          {(control) => (
            <div className="flex gap-2">
              <select
                aria-label="Discount kind"
                value={draft.kind}
                onChange={(e) => set('kind', e.target.value as CouponDraft['kind'], 'amount')}
                className={`${controlClasses} h-11 max-w-36 shrink-0 border-line`}
              >
                <option value="percent">Percentage</option>
                <option value="fixed">Fixed amount</option>
              </select>
              <div className="relative min-w-0 flex-1">
                <input
                  {...control}
                  inputMode="decimal"
                  value={draft.amount}
                  onChange={(e) => set('amount', e.target.value)}
                  placeholder={draft.kind === 'percent' ? '20' : '5.00'}
                  className={`${controlClasses} h-11 pr-10 ${invalidClasses(Boolean(errors.fields.amount))}`}
                />
                {draft.kind === 'percent' && (
                  <span className="pointer-events-none absolute top-1/2 right-3.5 -translate-y-1/2 text-sm text-ink-muted">
                    %
                  </span>
                )}
              </div>
              {draft.kind === 'fixed' && (
                <select
                  aria-label="Currency"
                  value={draft.currency}
                  onChange={(e) => set('currency', e.target.value, 'currency')}
                  className={`${controlClasses} h-11 max-w-24 shrink-0 border-line`}
                >
                  {CURRENCIES.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              )}
            </div>
          )}
        </FieldShell>
        <TextField
          label="Starts"
          type="datetime-local"
          value={draft.starts}
          onChange={(e) => set('starts', e.target.value, 'starts_at')}
          error={errors.fields.starts_at}
          hint="Optional. Your local time."
        />
        <TextField
          label="Ends"
          type="datetime-local"
          value={draft.ends}
          onChange={(e) => set('ends', e.target.value, 'ends_at')}
          error={errors.fields.ends_at}
          hint="Optional. Leave empty for no end."
        />
        <TextField
          label="Maximum uses"
          inputMode="numeric"
          value={draft.maxRedemptions}
          onChange={(e) => set('maxRedemptions', e.target.value, 'max_redemptions')}
          error={errors.fields.max_redemptions}
          hint="Optional. Orders that may use it in all."
        />
        <TextField
          label="Only for books"
          value={draft.bookIds}
          onChange={(e) => set('bookIds', e.target.value, 'book_ids')}
          error={errors.fields.book_ids}
          hint="Optional. Book ids, separated by commas; empty means every book."
          autoComplete="off"
        />
      </div>
      <div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create coupon'}
        </Button>
      </div>
    </form>
  );
}
