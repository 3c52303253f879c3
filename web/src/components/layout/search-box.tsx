// Catalog search field. Not wired to the API yet: submitting does nothing.
import type { FormEvent } from 'react';

function onSubmit(event: FormEvent<HTMLFormElement>) {
  event.preventDefault();
}

export function SearchBox({ className }: { className?: string }) {
  return (
    <form role="search" className={className} onSubmit={onSubmit}>
      <label htmlFor="site-search" className="sr-only">
        Search books and authors
      </label>
      <div className="relative">
        <svg
          viewBox="0 0 20 20"
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-ink-muted"
        >
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="m13 13 4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        <input
          id="site-search"
          name="q"
          type="search"
          autoComplete="off"
          enterKeyHint="search"
          placeholder="Search books, authors…"
          className="h-10 w-full rounded-full border border-line bg-surface-raised/70 pr-4 pl-10 text-sm text-ink placeholder:text-ink-muted focus:border-accent focus:outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        />
      </div>
    </form>
  );
}
