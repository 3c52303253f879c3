// Asks for a reset link. The answer is the same whether or not the address has an
// account, so the page never tells who is registered.
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import { collect, looksLikeEmail } from '@/utils/validate';
import { useForgotPassword } from '../api/forgot-password';

export function ForgotPasswordForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = collect(
      {},
      'email',
      !looksLikeEmail(email),
      'Enter an email address like name@example.com.',
    );
    if (!errors.check(found)) return;
    forgot.mutate(email.trim(), {
      onSuccess: () => setSentTo(email.trim()),
      onError: (error) => errors.fromError(error, ['email']),
    });
  };

  if (sentTo) {
    return (
      <FormAlert tone="success">
        <p className="font-medium">Check your inbox</p>
        <p className="mt-1 text-ink-muted">
          If an account uses <strong className="font-medium break-all text-ink">{sentTo}</strong>, a
          link to choose a new password is on its way. The link works for one hour.
        </p>
      </FormAlert>
    );
  }

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
      <Button type="submit" disabled={forgot.isPending} className="w-full">
        {forgot.isPending ? 'Sending…' : 'Send reset link'}
      </Button>
    </form>
  );
}
