// /cart: the server cart when signed in, the browser's cart for visitors.
import { createRoute } from '@tanstack/react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { CartView } from '@/features/cart/components/cart-view';
import { LocalCartView } from '@/features/cart/components/local-cart-view';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/hooks/use-session';
import { PageHeading } from './page-heading';
import { rootRoute } from './root';

function CartRoute() {
  useDocumentTitle('Your cart');
  const { status } = useSession();

  return (
    <div className="flex flex-col gap-8">
      <PageHeading title="Your cart" />
      {status === 'signed-in' ? (
        <CartView />
      ) : status === 'signed-out' ? (
        <LocalCartView />
      ) : (
        <Skeleton className="h-64 w-full rounded-2xl" />
      )}
    </div>
  );
}

export const cartRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cart',
  component: CartRoute,
});
