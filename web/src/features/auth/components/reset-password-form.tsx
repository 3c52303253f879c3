// Chooses a new password with the token from the mailed link.
import { Link } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useResetPassword } from '../api/reset-password';
import { NewPasswordField, checkNewPassword } from './new-password-field';

export function ResetPasswordForm({ token, onReset }: { token: string; onReset: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const reset = useResetPassword();
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = checkNewPassword(password);
    if (!errors.check(problem ? { password: problem } : {})) return;
    reset.mutate(
      { token, password },
      { onSuccess: onReset, onError: (error) => errors.fromError(error, ['password']) },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="flex flex-col gap-5">
      <FormAlert>
        {errors.alert && (
          <>
            <p>{errors.alert}</p>
            <p className="mt-1 text-ink-muted">
              Links work once and for one hour.{' '}
              <Link to="/forgot-password" className="text-accent underline underline-offset-4">
                Ask for a new link
              </Link>
              .
            </p>
          </>
        )}
      </FormAlert>
      <NewPasswordField
        label="New password"
        name="password"
        required
        value={password}
        error={errors.fields.password}
        onChange={(event) => {
          setPassword(event.target.value);
          errors.clearField('password');
        }}
      />
      <Button type="submit" disabled={reset.isPending} className="w-full">
        {reset.isPending ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
