// /sign-in?redirect=/where/next
import { Link, createRoute, useNavigate } from '@tanstack/react-router';
import { redirectSearchSchema } from '@/features/auth/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { redirectIfSignedIn } from './require-user';
import { rootRoute } from './root';

const AuthCard = lazyNamed(() => import('@/features/auth/components/auth-card'), 'AuthCard');
const SignInForm = lazyNamed(() => import('@/features/auth/components/sign-in-form'), 'SignInForm');

function SignInRoute() {
  useDocumentTitle('Sign in');
  const { redirect } = signInRoute.useSearch();
  const navigate = useNavigate();

  return (
    <AuthCard
      eyebrow="Welcome back"
      title="Sign in to MANGU"
      description="Pick up your reading where you left off."
      footer={
        <>
          New here?{' '}
          <Link
            to="/sign-up"
            search={redirect ? { redirect } : {}}
            className="font-medium text-accent underline-offset-4 hover:underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm onSignedIn={() => void navigate({ href: redirect ?? '/', replace: true })} />
    </AuthCard>
  );
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: redirectSearchSchema,
  beforeLoad: ({ search }) => redirectIfSignedIn(search.redirect),
  component: SignInRoute,
});
