// The route table: every client page is listed here.
import { type RouterHistory, RouterProvider, createRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { accountRoute } from './routes/account';
import { adminCouponsRoute } from './routes/admin-coupons';
import { adminOrdersRoute } from './routes/admin-orders';
import { adminUsersRoute } from './routes/admin-users';
import { authorRoute } from './routes/author';
import { authorsRoute } from './routes/authors';
import { bookRoute } from './routes/book';
import { browseRoute } from './routes/books';
import { cartRoute } from './routes/cart';
import { categoriesRoute } from './routes/categories';
import { categoryRoute } from './routes/category';
import { checkoutCancelRoute } from './routes/checkout-cancel';
import { checkoutSuccessRoute } from './routes/checkout-success';
import { forgotPasswordRoute } from './routes/forgot-password';
import { homeRoute } from './routes/home';
import { orderRoute } from './routes/order';
import { ordersRoute } from './routes/orders';
import { publishRoute } from './routes/publish';
import { publishBookRoute } from './routes/publish-book';
import { libraryRoute } from './routes/library';
import { readRoute } from './routes/read';
import { resetPasswordRoute } from './routes/reset-password';
import { rootRoute } from './routes/root';
import { searchRoute } from './routes/search';
import { signInRoute } from './routes/sign-in';
import { signOutRoute } from './routes/sign-out';
import { signUpRoute } from './routes/sign-up';
import { statusRoute } from './routes/status';
import { verifyEmailRoute } from './routes/verify-email';
import { wishlistRoute } from './routes/wishlist';

const catalogRoutes = [
  browseRoute,
  bookRoute,
  authorsRoute,
  authorRoute,
  categoriesRoute,
  categoryRoute,
  searchRoute,
  statusRoute,
];

const accountRoutes = [
  signInRoute,
  signUpRoute,
  signOutRoute,
  verifyEmailRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  accountRoute,
  adminUsersRoute,
];

const readingRoutes = [libraryRoute, readRoute, wishlistRoute];

const publishingRoutes = [publishRoute, publishBookRoute];

const commerceRoutes = [
  cartRoute,
  checkoutSuccessRoute,
  checkoutCancelRoute,
  ordersRoute,
  orderRoute,
  adminOrdersRoute,
  adminCouponsRoute,
];

const routeTree = rootRoute.addChildren([
  homeRoute,
  ...catalogRoutes,
  ...accountRoutes,
  ...readingRoutes,
  ...publishingRoutes,
  ...commerceRoutes,
]);

export function createAppRouter(options: { history?: RouterHistory } = {}) {
  return createRouter({
    routeTree,
    ...(options.history ? { history: options.history } : {}),
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

export function AppRouter() {
  const [router] = useState(() => createAppRouter());

  return <RouterProvider router={router} />;
}
