// A filter column: always shown beside the results on wide screens, folded behind a
// "Filters" button on narrow ones. One copy of the controls serves both layouts.
import { type ReactNode, useId, useState } from 'react';
import { cn } from '@/utils/cn';

type FilterPanelProps = {
  /** Names the landmark and the button: "Filters", "Filter results". */
  label: string;
  /** How many filters are in force, shown on the button. */
  activeCount?: number;
  children: ReactNode;
  className?: string;
};

export function FilterPanel({ label, activeCount = 0, children, className }: FilterPanelProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();

  return (
    <aside aria-label={label} className={cn('lg:sticky lg:top-24 lg:self-start', className)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className="flex h-11 w-full items-center justify-between rounded-xl border border-line bg-surface/60 px-4 text-sm font-semibold text-ink lg:hidden"
      >
        <span>
          {label}
          {activeCount > 0 && (
            <span className="ml-2 rounded-full bg-accent px-2 py-0.5 text-xs text-accent-ink">
              {activeCount}
            </span>
          )}
        </span>
        <svg
          viewBox="0 0 20 20"
          aria-hidden="true"
          className={cn('size-4 transition-transform', open && 'rotate-180')}
        >
          <path
            d="m5 7.5 5 5 5-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </svg>
      </button>
      <div
        id={panelId}
        className={cn(
          'mt-3 rounded-xl border border-line bg-surface/60 p-4 lg:mt-0 lg:block lg:border-0 lg:bg-transparent lg:p-0',
          open ? 'block' : 'hidden',
        )}
      >
        {children}
      </div>
    </aside>
  );
}
