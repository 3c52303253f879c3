// /verify-email: confirms the address with the token from the mailed link, or, with
// no token, tells a new user to look in their inbox.
import { Link } from '@tanstack/react-router';
import { buttonClasses } from '@/components/ui/button';
import { useSession } from '@/hooks/use-session';
import { formErrorMessage } from '@/lib/form-errors';
import { useVerifyEmail } from '../api/verify-email';
import { ResendVerificationButton } from './resend-verification-button';
import { StatusPanel } from './status-panel';

function VerifyToken({ token }: { token: string }) {
  const session = useSession();
  const verify = useVerifyEmail(token);
  const signedIn = session.status === 'signed-in';

  if (verify.isPending) {
    return (
      <StatusPanel icon="pending" title="Confirming your email…" busy>
        <p>This takes a moment.</p>
      </StatusPanel>
    );
  }
  if (verify.isError) {
    const canResend = signedIn && session.user?.email_verified === false;
    return (
      <StatusPanel
        icon="warning"
        title="This link did not work"
        actions={
          canResend ? (
            <ResendVerificationButton variant="primary" />
          ) : (
            <Link to={signedIn ? '/account' : '/sign-in'} className={buttonClasses('primary')}>
              {signedIn ? 'Go to your account' : 'Sign in'}
            </Link>
          )
        }
      >
        <p role="alert">{formErrorMessage(verify.error)}</p>
        <p>Verification links work once and expire after 24 hours.</p>
      </StatusPanel>
    );
  }
  return (
    <StatusPanel
      icon="check"
      title="Your email is confirmed"
      actions={
        <>
          <Link to={signedIn ? '/account' : '/sign-in'} className={buttonClasses('primary')}>
            {signedIn ? 'Go to your account' : 'Sign in'}
          </Link>
          <Link to="/" className={buttonClasses('secondary')}>
            Browse books
          </Link>
        </>
      }
    >
      <p>
        Thanks, <strong className="font-medium break-all text-ink">{verify.data.email}</strong> is
        verified.
      </p>
    </StatusPanel>
  );
}

function CheckInbox() {
  const { status, user } = useSession();

  if (status === 'signed-in' && user?.email_verified) {
    return (
      <StatusPanel
        icon="check"
        title="Your email is confirmed"
        actions={
          <Link to="/account" className={buttonClasses('primary')}>
            Go to your account
          </Link>
        }
      >
        <p>
          <strong className="font-medium break-all text-ink">{user.email}</strong> is already
          verified.
        </p>
      </StatusPanel>
    );
  }
  return (
    <StatusPanel
      icon="mail"
      title="Check your inbox"
      actions={
        status === 'signed-in' ? (
          <>
            <ResendVerificationButton />
            <Link to="/" className={buttonClasses('ghost')}>
              Browse books meanwhile
            </Link>
          </>
        ) : (
          <Link to="/sign-in" className={buttonClasses('primary')}>
            Sign in
          </Link>
        )
      }
    >
      {status === 'signed-in' && user ? (
        <p>
          We sent a link to <strong className="font-medium break-all text-ink">{user.email}</strong>
          . Open it to confirm your address; it works for 24 hours.
        </p>
      ) : (
        <p>Open the link in the email we sent you to confirm your address.</p>
      )}
    </StatusPanel>
  );
}

export function VerifyEmailStatus({ token }: { token: string | undefined }) {
  return token ? <VerifyToken token={token} /> : <CheckInbox />;
}
