// /admin/coupons?q=&page=: create coupons, list them, deactivate them.
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import {
  type AdminCouponsSearch,
  adminCouponsSearchSchema,
} from '@/features/admin-commerce/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/hooks/use-session';
import { lazyNamed } from '@/utils/lazy-named';
import { AdminOnly } from './admin-only';
import { PageHeading } from './page-heading';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const AdminCouponsView = lazyNamed(
  () => import('@/features/admin-commerce/components/admin-coupons-view'),
  'AdminCouponsView',
);

function AdminCouponsRoute() {
  useDocumentTitle('Coupons · Admin');
  const { user } = useSession();
  const search = adminCouponsRoute.useSearch();
  const navigate = useNavigate({ from: adminCouponsRoute.fullPath });
  const onSearchChange = useCallback(
    (next: AdminCouponsSearch) => void navigate({ search: next, replace: true }),
    [navigate],
  );

  if (user?.role !== 'admin') {
    return <AdminOnly>Coupons are managed by admins. Your account is not an admin.</AdminOnly>;
  }
  return (
    <div className="flex flex-col gap-8">
      <PageHeading eyebrow="Admin" title="Coupons">
        Percentage or fixed discounts readers apply in their cart. The store checks each code when
        it is applied and again at checkout.
      </PageHeading>
      <AdminCouponsView search={search} onSearchChange={onSearchChange} />
    </div>
  );
}

export const adminCouponsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/coupons',
  validateSearch: adminCouponsSearchSchema,
  beforeLoad: ({ location }) => requireUser(location),
  component: AdminCouponsRoute,
});
