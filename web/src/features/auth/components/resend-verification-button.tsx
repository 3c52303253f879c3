// Mails a fresh verification link to the signed-in user.
import { Button } from '@/components/ui/button';
import { formErrorMessage } from '@/lib/form-errors';
import { useResendVerification } from '../api/verify-email';

export function ResendVerificationButton({
  variant = 'secondary',
}: {
  variant?: 'primary' | 'secondary';
}) {
  const resend = useResendVerification();

  return (
    <div className="flex flex-col items-center gap-2 sm:items-start">
      <Button
        variant={variant}
        onClick={() => resend.mutate()}
        disabled={resend.isPending || resend.isSuccess}
      >
        {resend.isPending ? 'Sending…' : resend.isSuccess ? 'Link sent' : 'Send a new link'}
      </Button>
      <p role="status" className="text-sm text-ink-muted empty:hidden">
        {resend.isSuccess ? 'A new link is on its way. Check your inbox.' : ''}
      </p>
      <p role="alert" className="text-sm text-negative empty:hidden">
        {resend.isError ? formErrorMessage(resend.error) : ''}
      </p>
    </div>
  );
}
