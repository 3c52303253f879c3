// A modal that asks before doing something that matters. Built on <dialog>, so the
// browser traps focus, Escape cancels and the rest of the page is inert.
import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  tone?: 'primary' | 'danger';
  pending?: boolean;
  error?: string | null | undefined;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  tone = 'primary',
  pending = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onConfirm();
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-line bg-surface p-0 text-ink shadow-[0_30px_80px_-20px_var(--shadow)] backdrop:bg-black/60 backdrop:backdrop-blur-sm"
    >
      {open && (
        <form onSubmit={submit} className="flex flex-col gap-5 p-5 sm:p-6">
          <h2 id={titleId} className="font-display text-2xl text-ink">
            {title}
          </h2>
          <div id={bodyId} className="flex flex-col gap-4 text-sm text-ink-muted">
            {children}
          </div>
          <FormAlert>{error}</FormAlert>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant={tone} disabled={pending}>
              {pending ? (pendingLabel ?? 'Working…') : confirmLabel}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
