// /account: profile, password, author profile and account deletion.
import { Navigate, createRoute, useNavigate } from '@tanstack/react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/hooks/use-session';
import { lazyNamed } from '@/utils/lazy-named';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const ChangePasswordForm = lazyNamed(
  () => import('@/features/auth/components/change-password-form'),
  'ChangePasswordForm',
);
const ResendVerificationButton = lazyNamed(
  () => import('@/features/auth/components/resend-verification-button'),
  'ResendVerificationButton',
);
const AccountOverview = lazyNamed(
  () => import('@/features/users/components/account-overview'),
  'AccountOverview',
);
const AccountSection = lazyNamed(
  () => import('@/features/users/components/account-section'),
  'AccountSection',
);
const AuthorStatus = lazyNamed(
  () => import('@/features/users/components/author-status'),
  'AuthorStatus',
);
const DeleteAccountSection = lazyNamed(
  () => import('@/features/users/components/delete-account-section'),
  'DeleteAccountSection',
);
const ProfileForm = lazyNamed(
  () => import('@/features/users/components/profile-form'),
  'ProfileForm',
);

const SECTIONS = [
  { id: 'profile', label: 'Profile' },
  { id: 'password', label: 'Password' },
  { id: 'author', label: 'Author' },
  { id: 'delete', label: 'Delete account' },
] as const;

function SectionNav() {
  return (
    <nav aria-label="Account sections" className="lg:sticky lg:top-24">
      <ul className="flex flex-wrap gap-1 lg:flex-col">
        {SECTIONS.map((section) => (
          <li key={section.id} className="shrink-0">
            <a
              href={`#${section.id}`}
              className="block rounded-full px-3.5 py-2 text-sm text-ink-muted transition-colors hover:bg-surface-raised hover:text-ink lg:rounded-xl"
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountRoute() {
  useDocumentTitle('Your account');
  const { user } = useSession();
  const navigate = useNavigate();

  // Signed out meanwhile (here or in another tab): off to sign in, and back afterwards.
  if (!user) return <Navigate to="/sign-in" search={{ redirect: '/account' }} replace />;

  return (
    <div className="flex flex-col gap-8">
      <AccountOverview user={user} verifyAction={<ResendVerificationButton />} />
      <div className="grid gap-6 lg:grid-cols-[12rem_minmax(0,1fr)] lg:gap-10">
        <SectionNav />
        <div className="flex min-w-0 flex-col gap-6">
          <AccountSection
            id="profile"
            title="Profile"
            description="How you appear to other readers on reviews and, if you publish, on your books."
          >
            <ProfileForm key={String(user.id)} user={user} />
          </AccountSection>
          <AccountSection
            id="password"
            title="Password"
            description="Changing it signs you out on every other device."
          >
            <ChangePasswordForm context={[user.email.split('@')[0] ?? '', user.display_name]} />
          </AccountSection>
          <AccountSection id="author" title={user.author ? 'Your author page' : 'Become an author'}>
            <AuthorStatus user={user} />
          </AccountSection>
          <AccountSection id="delete" title="Delete account" tone="danger">
            <DeleteAccountSection
              onDeleted={() =>
                void navigate({ to: '/sign-out', search: { deleted: true }, replace: true })
              }
            />
          </AccountSection>
        </div>
      </div>
    </div>
  );
}

export const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  beforeLoad: ({ location }) => requireUser(location),
  component: AccountRoute,
});
