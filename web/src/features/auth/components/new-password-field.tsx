// A password field for choosing a new password, with the live strength meter.
import { type ComponentProps, useId } from 'react';
import { PasswordField } from '@/components/ui/password-field';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  estimateStrength,
} from '../utils/password-strength';
import { PasswordStrengthMeter } from './password-strength-meter';

type NewPasswordFieldProps = Omit<
  ComponentProps<typeof PasswordField>,
  'value' | 'describedBy' | 'below'
> & {
  value: string;
  /** Words the password should not lean on (name, email). */
  context?: readonly string[];
};

export function NewPasswordField({ value, context = [], ...field }: NewPasswordFieldProps) {
  const meterId = useId();

  return (
    <PasswordField
      autoComplete="new-password"
      minLength={MIN_PASSWORD_LENGTH}
      maxLength={MAX_PASSWORD_LENGTH}
      {...field}
      value={value}
      describedBy={meterId}
      below={<PasswordStrengthMeter id={meterId} strength={estimateStrength(value, context)} />}
    />
  );
}

export function checkNewPassword(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}
