// The root route: the page frame around every page, and the 404 for unknown paths. Pages load
// their code lazily; the frame's Suspense shows a page skeleton meanwhile.
import { Outlet, createRootRoute } from '@tanstack/react-router';
import { AppLayout } from '@/components/layout/app-layout';
import { PageSuspense } from '@/components/layout/page-suspense';
import { CartButton } from '@/features/cart/components/cart-button';
import { PublishLink } from '@/features/publishing/components/publish-link';
import { SearchTypeahead } from '@/features/search/components/search-typeahead';
import { NotFoundRoute } from './not-found';
import { RouteError } from './route-error';

function RootLayout() {
  return (
    <AppLayout
      search={<SearchTypeahead />}
      actions={
        <>
          <PublishLink />
          <CartButton />
        </>
      }
    >
      <PageSuspense>
        <Outlet />
      </PageSuspense>
    </AppLayout>
  );
}

export const rootRoute = createRootRoute({
  component: RootLayout,
  notFoundComponent: NotFoundRoute,
  errorComponent: RouteError,
});
