// A centred message with an icon: the outcome of a link the user followed.
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { cn } from '@/utils/cn';

export type StatusIcon = 'mail' | 'check' | 'warning' | 'pending';

const iconTone: Record<StatusIcon, string> = {
  mail: 'text-accent bg-accent/10 border-accent/30',
  check: 'text-positive bg-positive/10 border-positive/30',
  warning: 'text-warning bg-warning/10 border-warning/30',
  pending: 'text-accent bg-accent/10 border-accent/30',
};

function Glyph({ icon }: { icon: StatusIcon }) {
  const common = {
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.7,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
  };
  if (icon === 'mail') {
    return (
      <>
        <rect x="3.5" y="6" width="17" height="12.5" rx="2" {...common} />
        <path d="m4.5 7.5 7.5 5.5 7.5-5.5" {...common} />
      </>
    );
  }
  if (icon === 'check') return <path d="m6.5 12.5 3.5 3.5 7.5-8" {...common} />;
  if (icon === 'warning') {
    return (
      <>
        <path d="M12 4.5 21 19.5H3Z" {...common} />
        <path d="M12 10v4M12 17h.01" {...common} />
      </>
    );
  }
  return <path d="M12 4a8 8 0 1 1-8 8" {...common} className="origin-center animate-spin" />;
}

type StatusPanelProps = {
  icon: StatusIcon;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  busy?: boolean;
};

export function StatusPanel({ icon, title, children, actions, busy = false }: StatusPanelProps) {
  return (
    <Card
      aria-busy={busy || undefined}
      className="mx-auto flex w-full max-w-md flex-col items-center gap-4 p-6 text-center sm:p-8"
    >
      <span
        className={cn(
          'inline-flex size-14 items-center justify-center rounded-full border',
          iconTone[icon],
        )}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" className="size-7">
          <Glyph icon={icon} />
        </svg>
      </span>
      <h1 className="font-display text-3xl text-balance text-ink">{title}</h1>
      {children && <div className="flex flex-col gap-2 text-pretty text-ink-muted">{children}</div>}
      {actions && (
        <div className="mt-2 flex w-full flex-col gap-2 sm:w-auto sm:flex-row sm:justify-center">
          {actions}
        </div>
      )}
    </Card>
  );
}
