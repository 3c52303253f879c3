// /library: the signed-in reader's books, with progress; ?sort=last_read|added|title.
import { createRoute, useNavigate } from '@tanstack/react-router';
import { librarySearchSchema } from '@/features/library/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const LibraryView = lazyNamed(
  () => import('@/features/library/components/library-view'),
  'LibraryView',
);

function LibraryRoute() {
  useDocumentTitle('Your library');
  const { sort } = libraryRoute.useSearch();
  const navigate = useNavigate({ from: '/library' });

  return (
    <LibraryView
      sort={sort ?? 'last_read'}
      onSortChange={(next) =>
        void navigate({ search: { sort: next === 'last_read' ? undefined : next }, replace: true })
      }
    />
  );
}

export const libraryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library',
  validateSearch: librarySearchSchema,
  beforeLoad: ({ location }) => requireUser(location),
  component: LibraryRoute,
});
