// Route guard: pages that need a signed-in user send visitors to sign in, with a
// `redirect` back to where they were going.
import { redirect } from '@tanstack/react-router';
import { type SessionState, ensureSession } from '@/lib/session';

export async function requireUser(location: { href: string }): Promise<SessionState> {
  const session = await ensureSession();
  if (session.status !== 'signed-in') {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect protocol
    throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  }
  return session;
}

/** Sign-in and sign-up are pointless when signed in: go on to where the visitor was heading. */
export async function redirectIfSignedIn(target: string | undefined): Promise<void> {
  const session = await ensureSession();
  if (session.status === 'signed-in') {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect protocol
    throw redirect({ href: target ?? '/account' });
  }
}
