// /forgot-password: ask for a reset link.
import { Link, createRoute } from '@tanstack/react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { rootRoute } from './root';

const AuthCard = lazyNamed(() => import('@/features/auth/components/auth-card'), 'AuthCard');
const ForgotPasswordForm = lazyNamed(
  () => import('@/features/auth/components/forgot-password-form'),
  'ForgotPasswordForm',
);

function ForgotPasswordRoute() {
  useDocumentTitle('Forgot your password');

  return (
    <AuthCard
      eyebrow="Account help"
      title="Forgot your password?"
      description="Enter the email you signed up with and we will send you a link to choose a new one."
      footer={
        <>
          Remembered it?{' '}
          <Link
            to="/sign-in"
            className="font-medium text-accent underline-offset-4 hover:underline"
          >
            Back to sign in
          </Link>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordRoute,
});
