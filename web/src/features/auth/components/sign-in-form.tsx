// Sign-in with email and password.
import { Link } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { PasswordField } from '@/components/ui/password-field';
import { TextField } from '@/components/ui/text-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import type { SessionPayload } from '@/lib/user-schema';
import { collect, looksLikeEmail } from '@/utils/validate';
import { useSignIn } from '../api/sign-in';

const FIELDS = ['email', 'password'] as const;

function checkSignIn(email: string, password: string) {
  const errors: Record<string, string> = {};
  collect(errors, 'email', email.trim() === '', 'Enter your email address.');
  collect(errors, 'email', !looksLikeEmail(email), 'Enter an email address like name@example.com.');
  collect(errors, 'password', password === '', 'Enter your password.');
  return errors;
}

export function SignInForm({ onSignedIn }: { onSignedIn: (session: SessionPayload) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!errors.check(checkSignIn(email, password))) return;
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: onSignedIn, onError: (error) => errors.fromError(error, FIELDS) },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="flex flex-col gap-5">
      <FormAlert>{errors.alert}</FormAlert>
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        value={email}
        error={errors.fields.email}
        onChange={(event) => {
          setEmail(event.target.value);
          errors.clearField('email');
        }}
      />
      <PasswordField
        label="Password"
        name="password"
        autoComplete="current-password"
        required
        labelAside={
          <Link
            to="/forgot-password"
            className="text-sm text-accent underline-offset-4 hover:underline"
          >
            Forgot password?
          </Link>
        }
        value={password}
        error={errors.fields.password}
        onChange={(event) => {
          setPassword(event.target.value);
          errors.clearField('password');
        }}
      />
      <Button type="submit" disabled={signIn.isPending} className="mt-1 w-full">
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
