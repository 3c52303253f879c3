// /sign-up: create an account, then check the inbox for the verification link.
import { Link, createRoute, useNavigate } from '@tanstack/react-router';
import { AuthCard } from '@/features/auth/components/auth-card';
import { SignUpForm } from '@/features/auth/components/sign-up-form';
import { redirectSearchSchema } from '@/features/auth/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { redirectIfSignedIn } from './require-user';
import { rootRoute } from './root';

function SignUpRoute() {
  useDocumentTitle('Create an account');
  const { redirect } = signUpRoute.useSearch();
  const navigate = useNavigate();

  return (
    <AuthCard
      eyebrow="Join MANGU"
      title="Create your account"
      description="Buy books, keep them in your library and read on any device."
      footer={
        <>
          Already have an account?{' '}
          <Link
            to="/sign-in"
            search={redirect ? { redirect } : {}}
            className="font-medium text-accent underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm onSignedUp={() => void navigate({ to: '/verify-email', replace: true })} />
    </AuthCard>
  );
}

export const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  validateSearch: redirectSearchSchema,
  beforeLoad: ({ search }) => redirectIfSignedIn(search.redirect),
  component: SignUpRoute,
});
