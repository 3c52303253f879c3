// Error state for a form: messages per field (the client's own checks, then the
// API's details.fields) and one message for the alert region. After a failed
// submit the first invalid field takes focus, so keyboard and screen-reader users
// land on the problem.
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { type FieldErrors, fieldErrorsOf, formErrorMessage } from '@/lib/form-errors';

export type FormErrors = {
  fields: FieldErrors;
  alert: string | null;
  /** Shows the client's own findings; returns true when there are none. */
  check: (found: FieldErrors) => boolean;
  /**
   * Shows what a failed call says. `shown` lists the fields this form displays;
   * `aliases` renames fields the API names differently (password -> new_password).
   */
  fromError: (error: unknown, shown: readonly string[], aliases?: Record<string, string>) => void;
  /** Drops one field's message (the user is editing it). */
  clearField: (name: string) => void;
  clear: () => void;
};

export function useFormErrors(formRef: RefObject<HTMLFormElement | null>): FormErrors {
  const [fields, setFields] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const focused = useRef(0);

  useEffect(() => {
    if (attempt === focused.current) return;
    focused.current = attempt;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, fields, formRef]);

  const check = useCallback((found: FieldErrors) => {
    setFields(found);
    setAlert(null);
    const ok = Object.keys(found).length === 0;
    if (!ok) setAttempt((n) => n + 1);
    return ok;
  }, []);

  const fromError = useCallback(
    (error: unknown, shown: readonly string[], aliases: Record<string, string> = {}) => {
      const found: FieldErrors = {};
      for (const [name, message] of Object.entries(fieldErrorsOf(error))) {
        found[aliases[name] ?? name] = message;
      }
      setFields(found);
      setAlert(formErrorMessage(error, [...shown, ...Object.keys(aliases)]));
      setAttempt((n) => n + 1);
    },
    [],
  );

  const clearField = useCallback((name: string) => {
    setFields((current) => {
      if (!(name in current)) return current;
      const next = { ...current };
      delete next[name];
      return next;
    });
  }, []);

  const clear = useCallback(() => {
    setFields({});
    setAlert(null);
  }, []);

  return { fields, alert, check, fromError, clearField, clear };
}
