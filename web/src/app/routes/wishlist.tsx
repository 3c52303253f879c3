// /wishlist: books the signed-in reader wants to read later.
import { createRoute } from '@tanstack/react-router';
import { WishlistView } from '@/features/wishlist/components/wishlist-view';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { requireUser } from './require-user';
import { rootRoute } from './root';

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
