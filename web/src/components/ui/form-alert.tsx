// The alert region of a form: problems that belong to no single field, or a success note.
import type { ReactNode } from 'react';
import { cn } from '@/utils/cn';

type Tone = 'error' | 'success' | 'info';

const tones: Record<Tone, string> = {
  error: 'border-negative/40 bg-negative/10 text-ink',
  success: 'border-positive/40 bg-positive/10 text-ink',
  info: 'border-line bg-surface-raised/60 text-ink',
};

const iconTones: Record<Tone, string> = {
  error: 'text-negative',
  success: 'text-positive',
  info: 'text-accent',
};

function Icon({ tone }: { tone: Tone }) {
  return (
    <svg
      viewBox="0 0 20 20"
      aria-hidden="true"
      className={cn('mt-0.5 size-4 shrink-0', iconTones[tone])}
    >
      <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.6" />
      {tone === 'success' ? (
        <path
          d="m6.5 10.2 2.3 2.3 4.7-4.8"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ) : (
        <path
          d={tone === 'error' ? 'M10 5.8v5M10 13.8h.01' : 'M10 9v5M10 6.2h.01'}
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
      )}
    </svg>
  );
}

/**
 * Errors use role="alert" so they are announced when they appear; other notes use
 * role="status". Render it always (children null when empty): the empty region takes
 * no room in the layout.
 */
export function FormAlert({
  tone = 'error',
  children,
  className,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={cn('empty:hidden', className)}>
      {children ? (
        <div
          className={cn(
            'flex items-start gap-2.5 rounded-xl border px-3.5 py-3 text-sm',
            tones[tone],
          )}
        >
          <Icon tone={tone} />
          <div className="min-w-0 flex-1">{children}</div>
        </div>
      ) : null}
    </div>
  );
}
