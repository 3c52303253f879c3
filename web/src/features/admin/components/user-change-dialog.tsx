// Asks before an admin changes someone's role or disables / enables their account.
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formErrorMessage } from '@/lib/form-errors';
import { type User, roleLabels } from '@/lib/user-schema';
import type { UserChange } from '../schema';

export type PendingChange = { user: User; change: UserChange };

type UserChangeDialogProps = {
  pending: PendingChange | null;
  saving: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
};

function describe({ user, change }: PendingChange) {
  const who = <strong className="font-medium text-ink">{user.display_name}</strong>;
  if (change.role) {
    return {
      title: 'Change role?',
      confirm: `Make ${roleLabels[change.role].toLowerCase()}`,
      tone: 'primary' as const,
      body: (
        <p>
          {who} ({user.email}) goes from {roleLabels[user.role]} to {roleLabels[change.role]}. Their
          access changes the next time their session refreshes, within 15 minutes.
        </p>
      ),
    };
  }
  if (change.disabled) {
    return {
      title: 'Disable this account?',
      confirm: 'Disable account',
      tone: 'danger' as const,
      body: (
        <p>
          {who} ({user.email}) is signed out on every device and cannot sign in until an admin
          enables the account again. Their books and orders are kept.
        </p>
      ),
    };
  }
  return {
    title: 'Enable this account?',
    confirm: 'Enable account',
    tone: 'primary' as const,
    body: (
      <p>
        {who} ({user.email}) can sign in again.
      </p>
    ),
  };
}

export function UserChangeDialog({
  pending,
  saving,
  error,
  onConfirm,
  onCancel,
}: UserChangeDialogProps) {
  const text = pending ? describe(pending) : null;

  return (
    <ConfirmDialog
      open={pending !== null}
      title={text?.title ?? ''}
      confirmLabel={text?.confirm ?? ''}
      pendingLabel="Saving…"
      tone={text?.tone ?? 'primary'}
      pending={saving}
      error={formErrorMessage(error)}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {text?.body}
    </ConfirmDialog>
  );
}
