// A small label with a tone: roles, states.
import type { ReactNode } from 'react';
import { cn } from '@/utils/cn';

export type BadgeTone = 'neutral' | 'accent' | 'positive' | 'warning' | 'negative';

const tones: Record<BadgeTone, string> = {
  neutral: 'border-line bg-surface-raised text-ink-muted',
  accent: 'border-accent/40 bg-accent/10 text-accent',
  positive: 'border-positive/40 bg-positive/10 text-positive',
  warning: 'border-warning/40 bg-warning/10 text-warning',
  negative: 'border-negative/40 bg-negative/10 text-negative',
};

export function Badge({
  tone = 'neutral',
  children,
  className,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-medium whitespace-nowrap',
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
