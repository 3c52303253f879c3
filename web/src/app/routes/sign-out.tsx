// /sign-out: ends the session. ?deleted=1 after the account was deleted.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { rootRoute } from './root';

const SignOutStatus = lazyNamed(
  () => import('@/features/auth/components/sign-out-status'),
  'SignOutStatus',
);

const signOutSearchSchema = z.object({
  deleted: z
    .unknown()
    .transform((value) => value === true || value === 1 || value === '1' || value === 'true')
    .optional(),
});

function SignOutRoute() {
  const { deleted } = signOutRoute.useSearch();
  useDocumentTitle(deleted ? 'Account deleted' : 'Signed out');

  return <SignOutStatus deleted={deleted ?? false} />;
}

export const signOutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-out',
  validateSearch: signOutSearchSchema,
  component: SignOutRoute,
});
