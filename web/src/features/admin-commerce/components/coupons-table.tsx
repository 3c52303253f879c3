// The coupons list: code, what it takes off, how often it was used, when it is valid, and a
// switch to deactivate (or reactivate) it.
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/utils/money';
import type { Coupon } from '../schema';
import { type CouponState, couponState } from '../utils/coupon-input';

const th = 'px-4 py-3 text-left text-xs font-semibold tracking-[0.15em] text-ink-muted uppercase';
const td = 'px-4 py-3 align-middle max-md:p-0';
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const states: Record<CouponState, { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'positive' },
  inactive: { label: 'Inactive', tone: 'neutral' },
  scheduled: { label: 'Scheduled', tone: 'accent' },
  expired: { label: 'Expired', tone: 'neutral' },
  'used-up': { label: 'Used up', tone: 'warning' },
};

function discount(coupon: Coupon): string {
  if (coupon.kind === 'percent') return `${coupon.amount}% off`;
  return `${formatMoney(coupon.amount, coupon.currency ?? 'USD')} off`;
}

function validity(coupon: Coupon): string {
  const from = coupon.starts_at ? date.format(new Date(coupon.starts_at)) : null;
  const to = coupon.ends_at ? date.format(new Date(coupon.ends_at)) : null;
  if (from && to) return `${from} – ${to}`;
  if (from) return `From ${from}`;
  if (to) return `Until ${to}`;
  return 'No end date';
}

export function CouponsTable({
  coupons,
  busyId,
  onToggle,
}: {
  coupons: Coupon[];
  busyId: number | null;
  onToggle: (coupon: Coupon) => void;
}) {
  return (
    <div className="md:overflow-hidden md:rounded-2xl md:border md:border-line md:bg-surface/70">
      <table className="w-full border-collapse max-md:block">
        <caption className="sr-only">Coupons</caption>
        <thead className="bg-surface-raised/50 max-md:sr-only">
          <tr>
            <th scope="col" className={th}>
              Code
            </th>
            <th scope="col" className={th}>
              Discount
            </th>
            <th scope="col" className={th}>
              Used
            </th>
            <th scope="col" className={th}>
              Valid
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="max-md:flex max-md:flex-col max-md:gap-3">
          {coupons.map((coupon) => {
            const state = states[couponState(coupon)];
            return (
              <tr
                key={coupon.id}
                data-testid="coupon-row"
                className="border-line max-md:grid max-md:grid-cols-2 max-md:items-center max-md:gap-2 max-md:rounded-2xl max-md:border max-md:bg-surface/70 max-md:p-4 md:border-t"
              >
                <td className={td}>
                  <span className="font-mono font-semibold tracking-wider text-ink">
                    {coupon.code}
                  </span>
                  <span className="block text-xs text-ink-muted">
                    {coupon.book_ids.length === 0
                      ? 'All books'
                      : `${coupon.book_ids.length} book${coupon.book_ids.length === 1 ? '' : 's'}`}
                  </span>
                </td>
                <td className={`${td} text-sm text-ink max-md:text-right`}>{discount(coupon)}</td>
                <td className={`${td} text-sm text-ink-muted tabular-nums`}>
                  {coupon.redemptions}
                  {coupon.max_redemptions != null ? ` / ${coupon.max_redemptions}` : ''}
                  <span className="md:hidden"> used</span>
                </td>
                <td className={`${td} text-sm text-ink-muted max-md:text-right`}>
                  {validity(coupon)}
                </td>
                <td className={td}>
                  <Badge tone={state.tone}>{state.label}</Badge>
                </td>
                <td className={`${td} text-right`}>
                  <Button
                    variant={coupon.active ? 'ghost' : 'secondary'}
                    className="min-h-9"
                    disabled={busyId === coupon.id}
                    onClick={() => onToggle(coupon)}
                    aria-label={`${coupon.active ? 'Deactivate' : 'Activate'} coupon ${coupon.code}`}
                  >
                    {coupon.active ? 'Deactivate' : 'Activate'}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
