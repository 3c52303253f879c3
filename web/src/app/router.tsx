// The route table: every client page is listed here.
import { type RouterHistory, RouterProvider, createRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { homeRoute } from './routes/home';
import { rootRoute } from './routes/root';

const routeTree = rootRoute.addChildren([homeRoute]);

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
