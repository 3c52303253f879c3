// /sign-out: ends the session on the server and here, then says so.
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { signOut } from '@/lib/session';
import { StatusPanel } from './status-panel';

export function SignOutStatus({ deleted = false }: { deleted?: boolean }) {
  const [done, setDone] = useState(false);

  useEffect(() => {
    let live = true;
    void signOut().then(() => live && setDone(true));
    return () => {
      live = false;
    };
  }, []);

  if (!done) {
    return (
      <StatusPanel icon="pending" title="Signing you out…" busy>
        <p>Ending your session on this device.</p>
      </StatusPanel>
    );
  }
  return (
    <StatusPanel
      icon="check"
      title={deleted ? 'Your account is deleted' : 'You are signed out'}
      actions={
        <>
          <Link to="/" className={buttonClasses('primary')}>
            Back to the store
          </Link>
          {!deleted && (
            <Link to="/sign-in" className={buttonClasses('secondary')}>
              Sign in again
            </Link>
          )}
        </>
      }
    >
      {deleted ? (
        <p>Your profile and personal data have been removed. Thank you for reading with us.</p>
      ) : (
        <p>See you soon. Your library will be waiting when you sign back in.</p>
      )}
    </StatusPanel>
  );
}
