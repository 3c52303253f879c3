// /verify-email?token=... confirms the address; without a token: "check your inbox".
import { createRoute } from '@tanstack/react-router';
import { tokenSearchSchema } from '@/features/auth/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { rootRoute } from './root';

const VerifyEmailStatus = lazyNamed(
  () => import('@/features/auth/components/verify-email-status'),
  'VerifyEmailStatus',
);

function VerifyEmailRoute() {
  useDocumentTitle('Verify your email');
  const { token } = verifyEmailRoute.useSearch();

  return <VerifyEmailStatus token={token} />;
}

export const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify-email',
  validateSearch: tokenSearchSchema,
  component: VerifyEmailRoute,
});
