// /cart: the server cart when signed in, the browser's cart for visitors.
import { createRoute } from '@tanstack/react-router';
import { PageSuspense } from '@/components/layout/page-suspense';
import { Skeleton } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/hooks/use-session';
import { lazyNamed } from '@/utils/lazy-named';
import { PageHeading } from './page-heading';
import { rootRoute } from './root';

const CartView = lazyNamed(() => import('@/features/cart/components/cart-view'), 'CartView');
const LocalCartView = lazyNamed(
  () => import('@/features/cart/components/local-cart-view'),
  'LocalCartView',
);

const cartSkeleton = <Skeleton className="h-64 w-full rounded-2xl" />;

function CartRoute() {
  useDocumentTitle('Your cart');
  const { status } = useSession();

  return (
    <div className="flex flex-col gap-8">
      <PageHeading title="Your cart" />
      <PageSuspense fallback={cartSkeleton}>
        {status === 'signed-in' ? (
          <CartView />
        ) : status === 'signed-out' ? (
          <LocalCartView />
        ) : (
          cartSkeleton
        )}
      </PageSuspense>
    </div>
  );
}

export const cartRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cart',
  component: CartRoute,
});
