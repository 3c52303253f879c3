// A labelled password input with a show/hide button, its hint and error.
import { type InputHTMLAttributes, useState } from 'react';
import { FieldShell, type FieldShellProps, controlClasses, invalidClasses } from './field-shell';

type PasswordFieldProps = Omit<FieldShellProps, 'children'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'children' | 'type'>;

function EyeIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4.5">
      <path
        d="M1.8 10S4.8 4.5 10 4.5 18.2 10 18.2 10 15.2 15.5 10 15.5 1.8 10 1.8 10Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <circle cx="10" cy="10" r="2.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      {!open && (
        <path d="m3 17 14-14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      )}
    </svg>
  );
}

export function PasswordField({
  label,
  labelAside,
  hint,
  error,
  describedBy,
  below,
  className,
  ...input
}: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);

  return (
    <FieldShell {...{ label, labelAside, hint, error, describedBy, below, className }}>
      {(control) => (
        <div className="relative">
          <input
            {...input}
            {...control}
            type={visible ? 'text' : 'password'}
            autoCapitalize="off"
            spellCheck={false}
            className={`${controlClasses} h-11 pr-12 ${invalidClasses(Boolean(error))}`}
          />
          <button
            type="button"
            onClick={() => setVisible((shown) => !shown)}
            aria-label={visible ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
            aria-pressed={visible}
            className="absolute top-1/2 right-1.5 inline-flex size-8 -translate-y-1/2 items-center justify-center rounded-lg text-ink-muted transition-colors hover:bg-surface hover:text-ink"
          >
            <EyeIcon open={visible} />
          </button>
        </div>
      )}
    </FieldShell>
  );
}
