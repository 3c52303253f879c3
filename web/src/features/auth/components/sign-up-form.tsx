// Sign-up: email, display name and a password with a live strength meter. The
// server's verdict on the password (zxcvbn) appears under the field.
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import type { SessionPayload } from '@/lib/user-schema';
import { collect, looksLikeEmail } from '@/utils/validate';
import { useSignUp } from '../api/sign-up';
import { NewPasswordField, checkNewPassword } from './new-password-field';

const FIELDS = ['email', 'display_name', 'password'] as const;

function checkSignUp(email: string, displayName: string, password: string) {
  const errors: Record<string, string> = {};
  collect(errors, 'email', email.trim() === '', 'Enter your email address.');
  collect(errors, 'email', !looksLikeEmail(email), 'Enter an email address like name@example.com.');
  collect(
    errors,
    'display_name',
    displayName.trim() === '',
    'Enter the name other readers will see.',
  );
  const passwordProblem = checkNewPassword(password);
  collect(errors, 'password', passwordProblem !== null, passwordProblem ?? '');
  return errors;
}

export function SignUpForm({ onSignedUp }: { onSignedUp: (session: SessionPayload) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const signUp = useSignUp();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!errors.check(checkSignUp(email, displayName, password))) return;
    signUp.mutate(
      { email: email.trim(), display_name: displayName.trim(), password },
      { onSuccess: onSignedUp, onError: (error) => errors.fromError(error, FIELDS) },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="flex flex-col gap-5">
      <FormAlert>{errors.alert}</FormAlert>
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        value={email}
        error={errors.fields.email}
        onChange={(event) => {
          setEmail(event.target.value);
          errors.clearField('email');
        }}
      />
      <TextField
        label="Display name"
        name="display_name"
        autoComplete="nickname"
        required
        maxLength={80}
        hint="Shown on your reviews and, if you publish, on your books."
        value={displayName}
        error={errors.fields.display_name}
        onChange={(event) => {
          setDisplayName(event.target.value);
          errors.clearField('display_name');
        }}
      />
      <NewPasswordField
        label="Password"
        name="password"
        required
        context={[email.split('@')[0] ?? '', ...displayName.split(/\s+/)]}
        value={password}
        error={errors.fields.password}
        onChange={(event) => {
          setPassword(event.target.value);
          errors.clearField('password');
        }}
      />
      <Button type="submit" disabled={signUp.isPending} className="mt-1 w-full">
        {signUp.isPending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
