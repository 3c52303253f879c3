// A status word in a coloured pill, with an icon so colour is never the only cue.
import { cn } from '@/utils/cn';
import type { CheckStatus, HealthStatus } from '../schema';

type Tone = 'positive' | 'warning' | 'negative';

const toneOf: Record<HealthStatus | CheckStatus, Tone> = {
  ok: 'positive',
  up: 'positive',
  degraded: 'warning',
  down: 'negative',
};

const toneClasses: Record<Tone, string> = {
  positive: 'text-positive bg-positive/12 border-positive/35',
  warning: 'text-warning bg-warning/12 border-warning/35',
  negative: 'text-negative bg-negative/12 border-negative/35',
};

function ToneIcon({ tone }: { tone: Tone }) {
  const paths: Record<Tone, string> = {
    positive: 'm5 10.5 3 3 7-7',
    warning: 'M10 5.5v5.5M10 14.5v.01',
    negative: 'm6.5 6.5 7 7m0-7-7 7',
  };
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="size-3.5 shrink-0">
      <path
        d={paths[tone]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

type StatusBadgeProps = {
  status: HealthStatus | CheckStatus;
  size?: 'sm' | 'lg';
  testId?: string;
};

export function StatusBadge({ status, size = 'sm', testId }: StatusBadgeProps) {
  const tone = toneOf[status];

  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full border font-semibold tracking-wide',
        size === 'lg' ? 'px-3.5 py-1 text-base' : 'px-2.5 py-0.5 text-xs',
        toneClasses[tone],
      )}
    >
      <ToneIcon tone={tone} />
      <span data-testid={testId}>{status}</span>
    </span>
  );
}
