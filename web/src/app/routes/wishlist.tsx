// /wishlist: books the signed-in reader wants to read later.
import { createRoute } from '@tanstack/react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const WishlistView = lazyNamed(
  () => import('@/features/wishlist/components/wishlist-view'),
  'WishlistView',
);

function WishlistRoute() {
  useDocumentTitle('Wishlist');
  return <WishlistView />;
}

export const wishlistRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wishlist',
  beforeLoad: ({ location }) => requireUser(location),
  component: WishlistRoute,
});
