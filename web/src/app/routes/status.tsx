// /status: the server's health, for operators and the curious.
import { createRoute } from '@tanstack/react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { rootRoute } from './root';

const HealthPanel = lazyNamed(
  () => import('@/features/health/components/health-panel'),
  'HealthPanel',
);

function StatusRoute() {
  useDocumentTitle('Status');

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="font-display text-4xl text-ink">Status</h1>
        <p className="text-ink-muted">How the store's server and its dependencies are doing.</p>
      </header>
      <HealthPanel />
    </div>
  );
}

export const statusRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/status',
  component: StatusRoute,
});
