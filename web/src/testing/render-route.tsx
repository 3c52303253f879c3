// Renders a component inside a memory router (for components with links and search
// params), with a fresh query client. `path` is the URL the page starts at. Wait for
// the first render with findBy* queries: the router renders asynchronously.
import {
  type AnyRouter,
  RouterProvider,
  createMemoryHistory,
  createRootRoute,
  createRouter,
} from '@tanstack/react-router';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { renderWithProviders } from './render';

export function renderInRouter(ui: ReactElement, path = '/'): RenderResult & { router: AnyRouter } {
  const rootRoute = createRootRoute({ component: () => ui, notFoundComponent: () => ui });
  const router: AnyRouter = createRouter({
    routeTree: rootRoute,
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}
