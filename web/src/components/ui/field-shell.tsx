// Label, hint and error around one form control. The control gets its id and
// aria-describedby / aria-invalid from `children(controlProps)`, so the error a
// screen reader announces is the one shown under the field.
import { type ReactNode, useId } from 'react';
import { cn } from '@/utils/cn';

export type ControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
};

export type FieldShellProps = {
  label: string;
  /** Shown under the label's row, right-aligned (e.g. a "Forgot password?" link). */
  labelAside?: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Ids of more elements that describe the control (a strength meter). */
  describedBy?: string | undefined;
  /** Rendered between the control and the error. */
  below?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

export const controlClasses =
  'w-full rounded-xl border bg-surface-raised/60 px-3.5 text-base text-ink placeholder:text-ink-muted/70 ' +
  'transition-colors focus:border-accent focus:outline-none focus-visible:outline-2 ' +
  'focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60 sm:text-sm';

export function invalidClasses(invalid: boolean): string {
  return invalid ? 'border-negative/80' : 'border-line hover:border-ink-muted/40';
}

export function FieldShell({
  label,
  labelAside,
  hint,
  error,
  describedBy,
  below,
  className,
  children,
}: FieldShellProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, describedBy, errorId].filter(Boolean).join(' ');

  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
        </label>
        {labelAside}
      </div>
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {hint && (
        <p id={hintId} className="text-xs text-ink-muted">
          {hint}
        </p>
      )}
      {below}
      {error && (
        <p id={errorId} className="flex items-start gap-1.5 text-sm text-negative">
          <svg viewBox="0 0 16 16" aria-hidden="true" className="mt-0.5 size-3.5 shrink-0">
            <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path
              d="M8 4.5v4M8 11h.01"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
            />
          </svg>
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
