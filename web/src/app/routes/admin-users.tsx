// /admin/users?q=&role=&page=: find accounts, change roles, disable or enable them.
import { Navigate, createRoute, useLocation, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { type AdminUsersSearch, adminUsersSearchSchema } from '@/features/admin/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/hooks/use-session';
import { lazyNamed } from '@/utils/lazy-named';
import { AdminOnly } from './admin-only';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const AdminUsersView = lazyNamed(
  () => import('@/features/admin/components/admin-users-view'),
  'AdminUsersView',
);

function AdminUsersRoute() {
  useDocumentTitle('Users · Admin');
  const { user } = useSession();
  const { href } = useLocation();
  const search = adminUsersRoute.useSearch();
  const navigate = useNavigate({ from: adminUsersRoute.fullPath });
  const onSearchChange = useCallback(
    (next: AdminUsersSearch) => void navigate({ search: next, replace: true }),
    [navigate],
  );

  if (!user) return <Navigate to="/sign-in" search={{ redirect: href }} replace />;
  if (user.role !== 'admin') {
    return (
      <AdminOnly>
        This page manages every account on the site. Your account does not have the admin role.
      </AdminOnly>
    );
  }

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <p className="text-xs font-semibold tracking-[0.3em] text-accent uppercase">Admin</p>
        <h1 className="font-display text-4xl text-ink">Users</h1>
        <p className="max-w-prose text-ink-muted">
          Find accounts, change their role, or disable an account to sign it out everywhere. Every
          change is written to the audit log.
        </p>
      </div>
      <AdminUsersView search={search} onSearchChange={onSearchChange} />
    </div>
  );
}

export const adminUsersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  validateSearch: adminUsersSearchSchema,
  beforeLoad: ({ location }) => requireUser(location),
  component: AdminUsersRoute,
});
