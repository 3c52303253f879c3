// Changes the password of the signed-in user; the server signs out every other device.
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { PasswordField } from '@/components/ui/password-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import { collect } from '@/utils/validate';
import { useChangePassword } from '../api/change-password';
import { NewPasswordField, checkNewPassword } from './new-password-field';

const FIELDS = ['current_password', 'new_password'] as const;

export function ChangePasswordForm({ context = [] }: { context?: readonly string[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    const found: Record<string, string> = {};
    collect(found, 'current_password', current === '', 'Enter your current password.');
    const problem = checkNewPassword(next);
    collect(found, 'new_password', problem !== null, problem ?? '');
    collect(
      found,
      'new_password',
      next !== '' && next === current,
      'Choose a password different from the current one.',
    );
    if (!errors.check(found)) return;
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setDone(true);
        },
        onError: (error) => errors.fromError(error, FIELDS, { password: 'new_password' }),
      },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="flex flex-col gap-5">
      {done ? (
        <FormAlert tone="success">
          Password changed. Every other device has been signed out.
        </FormAlert>
      ) : (
        <FormAlert>{errors.alert}</FormAlert>
      )}
      <PasswordField
        label="Current password"
        name="current_password"
        autoComplete="current-password"
        required
        value={current}
        error={errors.fields.current_password}
        onChange={(event) => {
          setCurrent(event.target.value);
          errors.clearField('current_password');
        }}
      />
      <NewPasswordField
        label="New password"
        name="new_password"
        required
        context={context}
        value={next}
        error={errors.fields.new_password}
        onChange={(event) => {
          setNext(event.target.value);
          setDone(false);
          errors.clearField('new_password');
        }}
      />
      <div>
        <Button type="submit" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </Button>
      </div>
    </form>
  );
}
