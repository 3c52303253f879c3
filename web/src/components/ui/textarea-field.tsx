// A labelled multi-line input with its hint and error.
import type { TextareaHTMLAttributes } from 'react';
import { FieldShell, type FieldShellProps, controlClasses, invalidClasses } from './field-shell';

type TextareaFieldProps = Omit<FieldShellProps, 'children'> &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className' | 'children'>;

export function TextareaField({
  label,
  labelAside,
  hint,
  error,
  describedBy,
  below,
  className,
  rows = 4,
  ...textarea
}: TextareaFieldProps) {
  return (
    <FieldShell {...{ label, labelAside, hint, error, describedBy, below, className }}>
      {(control) => (
        <textarea
          rows={rows}
          {...textarea}
          {...control}
          className={`${controlClasses} resize-y py-2.5 leading-relaxed ${invalidClasses(Boolean(error))}`}
        />
      )}
    </FieldShell>
  );
}
