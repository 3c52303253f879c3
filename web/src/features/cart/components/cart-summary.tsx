// The cart's totals as the server computed them, and the way to pay. Nothing is added up here.
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { Cart } from '@/lib/commerce-schema';
import { formErrorMessage } from '@/lib/form-errors';
import { formatMoney } from '@/utils/money';
import { useStartCheckout } from '../api/start-checkout';
import { CouponForm } from './coupon-form';

function Row({
  label,
  value,
  testId,
  tone,
}: {
  label: string;
  value: string;
  testId: string;
  tone?: 'positive';
}) {
  return (
    <div
      className={`flex items-baseline justify-between gap-4 ${tone === 'positive' ? 'text-positive' : 'text-ink-muted'}`}
    >
      <dt>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function CartSummary({
  cart,
  onCheckoutRefused,
}: {
  cart: Cart;
  onCheckoutRefused: () => void;
}) {
  const checkout = useStartCheckout();
  const currency = cart.currency ?? 'USD';
  const blocked = cart.items.some((item) => !item.available);
  const payable = cart.items.some((item) => item.available);
  const leaving = checkout.isPending || checkout.isSuccess;

  return (
    <div className="flex flex-col gap-6">
      <CouponForm coupon={cart.coupon} />
      <dl className="flex flex-col gap-2 border-t border-line pt-5 text-sm">
        <Row
          label="Subtotal"
          value={formatMoney(cart.subtotal_cents, currency)}
          testId="cart-subtotal"
        />
        {cart.discount_cents > 0 && (
          <Row
            label={cart.coupon ? `Discount (${cart.coupon.code})` : 'Discount'}
            value={`−${formatMoney(cart.discount_cents, currency)}`}
            testId="cart-discount"
            tone="positive"
          />
        )}
        <div className="mt-2 flex items-baseline justify-between gap-4 border-t border-line pt-4">
          <dt className="text-base font-semibold text-ink">Total</dt>
          <dd className="font-display text-3xl text-ink tabular-nums" data-testid="cart-total">
            {formatMoney(cart.total_cents, currency)}
          </dd>
        </div>
      </dl>
      <FormAlert>{checkout.error ? formErrorMessage(checkout.error) : null}</FormAlert>
      <div className="flex flex-col gap-2">
        <Button
          className="h-12 text-base"
          disabled={!payable || blocked || leaving}
          onClick={() =>
            checkout.mutate(undefined, {
              onError: () => onCheckoutRefused(),
            })
          }
        >
          {leaving ? 'Going to payment…' : cart.total_cents === 0 ? 'Get your books' : 'Check out'}
        </Button>
        {blocked ? (
          <p className="text-center text-xs text-warning">
            Remove the books marked above to check out.
          </p>
        ) : (
          <p className="flex items-center justify-center gap-1.5 text-center text-xs text-ink-muted">
            <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5">
              <rect
                x="3"
                y="7"
                width="10"
                height="7"
                rx="1.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
              />
              <path
                d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
              />
            </svg>
            Prices are confirmed by the store when you pay.
          </p>
        )}
      </div>
    </div>
  );
}
