// /admin/orders?q=&status=&page=: every order, with refunds.
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { type AdminOrdersSearch, adminOrdersSearchSchema } from '@/features/admin-commerce/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/hooks/use-session';
import { lazyNamed } from '@/utils/lazy-named';
import { AdminOnly } from './admin-only';
import { PageHeading } from './page-heading';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const AdminOrdersView = lazyNamed(
  () => import('@/features/admin-commerce/components/admin-orders-view'),
  'AdminOrdersView',
);

function AdminOrdersRoute() {
  useDocumentTitle('Orders · Admin');
  const { user } = useSession();
  const search = adminOrdersRoute.useSearch();
  const navigate = useNavigate({ from: adminOrdersRoute.fullPath });
  const onSearchChange = useCallback(
    (next: AdminOrdersSearch) => void navigate({ search: next, replace: true }),
    [navigate],
  );

  if (user?.role !== 'admin') {
    return (
      <AdminOnly>This page lists every order in the store. Your account is not an admin.</AdminOnly>
    );
  }
  return (
    <div className="flex flex-col gap-8">
      <PageHeading eyebrow="Admin" title="Orders">
        Every order in the store, newest first. Refunds take the books back from the buyer&apos;s
        library and are written to the audit log.
      </PageHeading>
      <AdminOrdersView search={search} onSearchChange={onSearchChange} />
    </div>
  );
}

export const adminOrdersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/orders',
  validateSearch: adminOrdersSearchSchema,
  beforeLoad: ({ location }) => requireUser(location),
  component: AdminOrdersRoute,
});
