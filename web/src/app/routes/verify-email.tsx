// /verify-email?token=... confirms the address; without a token: "check your inbox".
import { createRoute } from '@tanstack/react-router';
import { VerifyEmailStatus } from '@/features/auth/components/verify-email-status';
import { tokenSearchSchema } from '@/features/auth/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { rootRoute } from './root';

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
