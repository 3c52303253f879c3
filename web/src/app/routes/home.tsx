// Home page. For now: a welcome and the server's health.
import { createRoute } from '@tanstack/react-router';
import { HealthPanel } from '@/features/health/components/health-panel';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { rootRoute } from './root';

function HomeRoute() {
  useDocumentTitle();

  return (
    <div className="grid items-start gap-10 lg:grid-cols-[1.1fr_1fr] lg:gap-16">
      <section aria-labelledby="home-heading" className="flex flex-col gap-5 pt-2">
        <p className="text-xs font-semibold tracking-[0.3em] text-accent uppercase">Opening soon</p>
        <h1
          id="home-heading"
          className="font-display text-4xl leading-[1.1] text-balance text-ink sm:text-5xl lg:text-6xl"
        >
          Stories worth staying up for.
        </h1>
        <p className="max-w-prose text-lg text-pretty text-ink-muted">
          MANGU Publishing is a bookstore and reading room you can run yourself. Discover new
          authors, buy their books and read them right here in the browser.
        </p>
        <p className="max-w-prose text-sm text-ink-muted">
          The shelves are still being stocked. Until they open, this page reports how the server is
          doing.
        </p>
      </section>
      <HealthPanel />
    </div>
  );
}

export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: HomeRoute,
});
