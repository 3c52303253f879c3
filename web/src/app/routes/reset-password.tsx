// /reset-password?token=... chooses a new password.
import { Link, createRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { tokenSearchSchema } from '@/features/auth/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { rootRoute } from './root';

const AuthCard = lazyNamed(() => import('@/features/auth/components/auth-card'), 'AuthCard');
const ResetPasswordForm = lazyNamed(
  () => import('@/features/auth/components/reset-password-form'),
  'ResetPasswordForm',
);
const StatusPanel = lazyNamed(
  () => import('@/features/auth/components/status-panel'),
  'StatusPanel',
);

function ResetPasswordRoute() {
  useDocumentTitle('Choose a new password');
  const { token } = resetPasswordRoute.useSearch();
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <StatusPanel
        icon="check"
        title="Your password is changed"
        actions={
          <Link to="/sign-in" className={buttonClasses('primary')}>
            Sign in
          </Link>
        }
      >
        <p>For your safety every device was signed out. Sign in with your new password.</p>
      </StatusPanel>
    );
  }
  if (!token) {
    return (
      <StatusPanel
        icon="warning"
        title="This link is incomplete"
        actions={
          <Link to="/forgot-password" className={buttonClasses('primary')}>
            Ask for a new link
          </Link>
        }
      >
        <p>Open the link from the password reset email exactly as it was sent.</p>
      </StatusPanel>
    );
  }
  return (
    <AuthCard
      eyebrow="Account help"
      title="Choose a new password"
      description="Use at least 10 characters. A short phrase of unrelated words works well."
    >
      <ResetPasswordForm token={token} onReset={() => setDone(true)} />
    </AuthCard>
  );
}

export const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearchSchema,
  component: ResetPasswordRoute,
});
