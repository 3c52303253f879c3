// 404s: unknown client routes, and books, authors or categories the API does not know.
import { Link, useLocation } from '@tanstack/react-router';
import { type ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { useDocumentTitle } from '@/hooks/use-document-title';

function LostBooks() {
  return (
    <svg viewBox="0 0 160 120" aria-hidden="true" className="h-28 w-auto sm:h-32">
      <rect x="18" y="30" width="22" height="80" rx="2" className="fill-accent/70" />
      <rect
        x="44"
        y="18"
        width="18"
        height="92"
        rx="2"
        className="fill-surface-raised stroke-line"
      />
      <rect x="66" y="38" width="24" height="72" rx="2" className="fill-accent/40" />
      <rect
        x="100"
        y="40"
        width="20"
        height="74"
        rx="2"
        transform="rotate(18 110 77)"
        className="fill-surface-raised stroke-accent/60"
        strokeDasharray="4 3"
      />
      <path d="M8 112h144" className="stroke-line" strokeWidth="2" strokeLinecap="round" />
      <text x="118" y="30" className="fill-accent font-display" fontSize="22">
        ?
      </text>
    </svg>
  );
}

export function NotFoundView({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      data-testid="not-found"
      aria-labelledby="not-found-heading"
      className="mx-auto flex max-w-xl flex-col items-center gap-5 py-10 text-center"
    >
      <LostBooks />
      <p aria-hidden="true" className="font-display text-6xl leading-none text-accent/80">
        404
      </p>
      <h1 id="not-found-heading" className="font-display text-3xl text-ink sm:text-4xl">
        {title}
      </h1>
      <p className="text-pretty text-ink-muted">{children}</p>
      <div className="mt-2 flex flex-wrap justify-center gap-3">
        <Link to="/" className={buttonClasses('primary')}>
          Back to the home page
        </Link>
        <Link to="/books" className={buttonClasses('secondary')}>
          Browse books
        </Link>
      </div>
    </section>
  );
}

export function NotFoundRoute() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');

  return (
    <NotFoundView title="Page not found">
      There is no page at <code className="font-mono break-all text-ink">{pathname}</code>. It may
      have moved, or the link may be mistyped.
    </NotFoundView>
  );
}
