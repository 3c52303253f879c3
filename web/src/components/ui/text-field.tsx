// A labelled single-line input with its hint and error.
import type { InputHTMLAttributes } from 'react';
import { FieldShell, type FieldShellProps, controlClasses, invalidClasses } from './field-shell';

type TextFieldProps = Omit<FieldShellProps, 'children'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'children'>;

export function TextField({
  label,
  labelAside,
  hint,
  error,
  describedBy,
  below,
  className,
  ...input
}: TextFieldProps) {
  return (
    <FieldShell {...{ label, labelAside, hint, error, describedBy, below, className }}>
      {(control) => (
        <input
          {...input}
          {...control}
          className={`${controlClasses} h-11 ${invalidClasses(Boolean(error))}`}
        />
      )}
    </FieldShell>
  );
}
