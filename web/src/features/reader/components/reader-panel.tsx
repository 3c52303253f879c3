// A panel of the reader (contents, notes, settings): a drawer on the right on wide screens and
// a sheet from the bottom on phones. Escape closes it (the reader handles the key).
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { cn } from '@/utils/cn';
import { CloseIcon } from './icons';

type ReaderPanelProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
};

export function ReaderPanel({ title, onClose, children, actions, className }: ReaderPanelProps) {
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <>
      <button
        type="button"
        aria-label="Close panel"
        tabIndex={-1}
        onClick={onClose}
        className="absolute inset-0 z-30 cursor-default bg-black/30 sm:bg-black/10"
      />
      <aside
        ref={ref}
        tabIndex={-1}
        aria-labelledby={headingId}
        data-testid="reader-panel"
        className={cn(
          'absolute inset-x-0 bottom-0 z-40 flex max-h-[75dvh] flex-col rounded-t-2xl border-t border-[var(--reader-line)] bg-[var(--reader-panel)] text-[var(--reader-text)] shadow-[0_-20px_60px_-20px_rgba(0,0,0,0.5)] outline-none',
          'sm:inset-y-0 sm:right-0 sm:left-auto sm:max-h-none sm:w-96 sm:rounded-none sm:border-t-0 sm:border-l',
          className,
        )}
      >
        <div className="flex items-center gap-2 border-b border-[var(--reader-line)] px-4 py-3">
          <h2 id={headingId} className="font-display text-lg">
            {title}
          </h2>
          <div className="ml-auto flex items-center gap-1">
            {actions}
            <button
              type="button"
              onClick={onClose}
              aria-label={`Close ${title.toLowerCase()}`}
              className="inline-flex size-9 items-center justify-center rounded-full hover:bg-[var(--reader-hover)]"
            >
              <CloseIcon />
            </button>
          </div>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-2">{children}</div>
      </aside>
    </>
  );
}
