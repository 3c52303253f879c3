// /sign-up: create an account, then check the inbox for the verification link.
import { Link, createRoute, useNavigate } from '@tanstack/react-router';
import { redirectSearchSchema } from '@/features/auth/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { redirectIfSignedIn } from './require-user';
import { rootRoute } from './root';

const AuthCard = lazyNamed(() => import('@/features/auth/components/auth-card'), 'AuthCard');
const SignUpForm = lazyNamed(() => import('@/features/auth/components/sign-up-form'), 'SignUpForm');

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
