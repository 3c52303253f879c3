// The MANGU logo: a mark and the name, linking home.
import { Link } from '@tanstack/react-router';

export function Wordmark() {
  return (
    <Link
      to="/"
      className="group inline-flex items-center gap-2.5 rounded-lg text-ink"
      aria-label="MANGU Publishing, home"
    >
      <svg viewBox="0 0 32 32" aria-hidden="true" className="size-8 shrink-0">
        <rect width="32" height="32" rx="7" className="fill-surface-raised" />
        <path
          d="M7 23V9l9 8 9-8v14"
          fill="none"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
          className="stroke-accent transition-colors group-hover:stroke-accent-strong"
        />
      </svg>
      <span className="flex flex-col leading-none">
        <span className="font-display text-xl font-semibold tracking-[0.28em]">MANGU</span>
        <span className="mt-0.5 text-[0.6rem] font-medium uppercase tracking-[0.42em] text-ink-muted">
          Publishing
        </span>
      </span>
    </Link>
  );
}
