// /publish?page=N: the author's books (drafts and published) with views, sales and revenue.
import { Link, createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { buttonClasses } from '@/components/ui/button';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/hooks/use-session';
import { lazyNamed } from '@/utils/lazy-named';
import { PageHeading } from './page-heading';
import { PublishGate, canPublish } from './publish-gate';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const MyBooksView = lazyNamed(
  () => import('@/features/publishing/components/my-books-view'),
  'MyBooksView',
);

const searchSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

function PublishRoute() {
  useDocumentTitle('Your books · Publish');
  const { user } = useSession();
  const { page } = publishRoute.useSearch();

  if (!canPublish(user)) return <PublishGate user={user} />;
  return (
    <div className="flex flex-col gap-8">
      <PageHeading
        eyebrow="Publish"
        title="Your books"
        actions={
          <Link
            to="/publish/books/$bookId"
            params={{ bookId: 'new' }}
            className={buttonClasses('primary')}
          >
            New book
          </Link>
        }
      >
        Drafts and published books, with their views, sales and revenue.
      </PageHeading>
      <MyBooksView page={page ?? 1} />
    </div>
  );
}

export const publishRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/publish',
  validateSearch: searchSchema,
  beforeLoad: ({ location }) => requireUser(location),
  component: PublishRoute,
});
