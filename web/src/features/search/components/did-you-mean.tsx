// "Did you mean …?" with a link that searches for the suggestion instead.
import { Link } from '@tanstack/react-router';

export function DidYouMean({ suggestion }: { suggestion: string }) {
  return (
    <p data-testid="did-you-mean" className="text-base text-ink-muted">
      Did you mean{' '}
      <Link
        to="/search"
        search={{ q: suggestion }}
        className="font-semibold text-accent italic underline-offset-4 hover:underline"
      >
        {suggestion}
      </Link>
      ?
    </p>
  );
}
