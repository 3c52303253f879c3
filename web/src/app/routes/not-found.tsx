// 404 for client routes the app does not know.
import { Link, useLocation } from '@tanstack/react-router';
import { buttonClasses } from '@/components/ui/button';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');

  return (
    <section
      data-testid="not-found"
      aria-labelledby="not-found-heading"
      className="mx-auto flex max-w-xl flex-col items-center gap-5 py-10 text-center"
    >
      <p
        aria-hidden="true"
        className="font-display text-8xl leading-none text-accent/80 sm:text-9xl"
      >
        404
      </p>
      <h1 id="not-found-heading" className="font-display text-3xl text-ink sm:text-4xl">
        Page not found
      </h1>
      <p className="text-ink-muted">
        There is no page at <code className="font-mono break-all text-ink">{pathname}</code>. It may
        have moved, or the link may be mistyped.
      </p>
      <Link to="/" className={buttonClasses('primary', 'mt-2')}>
        Back to the home page
      </Link>
    </section>
  );
}
