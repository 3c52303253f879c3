// The root route: the page frame around every page, and the 404 for unknown paths.
import { Outlet, createRootRoute } from '@tanstack/react-router';
import { AppLayout } from '@/components/layout/app-layout';
import { NotFoundRoute } from './not-found';
import { RouteError } from './route-error';

function RootLayout() {
  return (
    <AppLayout>
      <Outlet />
    </AppLayout>
  );
}

export const rootRoute = createRootRoute({
  component: RootLayout,
  notFoundComponent: NotFoundRoute,
  errorComponent: RouteError,
});
