// Deletes the account after a clear warning and the password.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PasswordField } from '@/components/ui/password-field';
import { fieldErrorsOf, formErrorMessage } from '@/lib/form-errors';
import { useDeleteAccount } from '../api/delete-account';

export function DeleteAccountSection({ onDeleted }: { onDeleted: () => void }) {
  const remove = useDeleteAccount();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);

  const close = () => {
    setOpen(false);
    setPassword('');
    setMissing(false);
    remove.reset();
  };

  const confirm = () => {
    if (password === '') {
      setMissing(true);
      return;
    }
    remove.mutate(password, { onSuccess: onDeleted });
  };

  // The server names the field current_password, as change-password does.
  const serverFields = fieldErrorsOf(remove.error);
  const passwordError = missing
    ? 'Enter your password to confirm.'
    : (serverFields.current_password ?? serverFields.password);

  return (
    <div className="flex flex-col items-start gap-4">
      <p className="text-ink-muted">
        Deleting your account removes your profile, library, reading progress, reviews and author
        page. Past orders stay in the shop&apos;s records without your personal details. This cannot
        be undone.
      </p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete account…
      </Button>
      <ConfirmDialog
        open={open}
        title="Delete your account?"
        tone="danger"
        confirmLabel="Delete my account"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={
          passwordError ? null : formErrorMessage(remove.error, ['password', 'current_password'])
        }
        onConfirm={confirm}
        onCancel={close}
      >
        <p className="rounded-xl border border-negative/40 bg-negative/10 px-3.5 py-3 text-ink">
          <strong className="font-semibold">This is permanent.</strong> Your books in your library
          can no longer be read and your profile is gone for good.
        </p>
        <PasswordField
          label="Your password"
          name="password"
          autoComplete="current-password"
          value={password}
          error={passwordError}
          onChange={(event) => {
            setPassword(event.target.value);
            setMissing(false);
            if (remove.isError) remove.reset();
          }}
        />
      </ConfirmDialog>
    </div>
  );
}
