// The admin coupons page: the create form, then the list with search and paging.
import { useCallback } from 'react';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { formErrorMessage } from '@/lib/form-errors';
import { useCoupons, useUpdateCoupon } from '../api/admin-coupons';
import type { AdminCouponsSearch } from '../schema';
import { CouponCreateForm } from './coupon-create-form';
import { CouponsTable } from './coupons-table';
import { ListFilters } from './list-filters';

export function AdminCouponsView({
  search,
  onSearchChange,
}: {
  search: AdminCouponsSearch;
  onSearchChange: (next: AdminCouponsSearch) => void;
}) {
  const coupons = useCoupons(search);
  const update = useUpdateCoupon();
  const onQuery = useCallback(
    (q: string | undefined) => onSearchChange({ ...search, q, page: undefined }),
    [search, onSearchChange],
  );

  return (
    <div className="flex flex-col gap-10">
      <Card className="p-5 sm:p-6">
        <h2 className="mb-5 font-display text-2xl text-ink">New coupon</h2>
        <CouponCreateForm />
      </Card>
      <section className="flex flex-col gap-5" aria-labelledby="coupon-list-heading">
        <h2 id="coupon-list-heading" className="font-display text-2xl text-ink">
          Coupons
        </h2>
        <ListFilters
          searchLabel="Search coupons"
          placeholder="Code"
          q={search.q}
          onQuery={onQuery}
        />
        <FormAlert>{update.error ? formErrorMessage(update.error) : null}</FormAlert>
        {coupons.error && !coupons.data ? (
          <QueryError
            error={coupons.error}
            onRetry={() => void coupons.refetch()}
            retrying={coupons.isFetching}
            title="Coupons could not be loaded"
          />
        ) : !coupons.data ? (
          <div aria-busy="true" className="flex flex-col gap-3">
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} className="h-14 w-full rounded-2xl" />
            ))}
          </div>
        ) : coupons.data.items.length === 0 ? (
          <div className="rounded-2xl border border-dashed border-line px-6 py-12 text-center">
            <p className="font-display text-xl text-ink">No coupons {search.q ? 'found' : 'yet'}</p>
            <p className="mt-1 text-sm text-ink-muted">
              {search.q ? 'Try another code.' : 'Coupons you create are listed here.'}
            </p>
          </div>
        ) : (
          <CouponsTable
            coupons={coupons.data.items}
            busyId={update.isPending ? (update.variables?.id ?? null) : null}
            onToggle={(coupon) =>
              update.mutate({ id: coupon.id, change: { active: !coupon.active } })
            }
          />
        )}
        {coupons.data && (
          <Pagination
            total={coupons.data.total}
            limit={coupons.data.limit}
            offset={coupons.data.offset}
            label="Coupon list pages"
          />
        )}
      </section>
    </div>
  );
}
