// /read/$bookId: the in-browser reader for a book in my library, or ?sample=true for anyone to
// read a published book's free sample. The reader covers the whole window.
import { createRoute } from '@tanstack/react-router';
import { readerSearchSchema } from '@/features/reader/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const Reader = lazyNamed(() => import('@/features/reader/components/reader'), 'Reader');

function ReadRoute() {
  const { bookId } = readRoute.useParams();
  const { sample } = readRoute.useSearch();
  useDocumentTitle(sample ? 'Sample' : 'Reading');

  return (
    <Reader
      key={`${bookId}:${sample ? 's' : 'o'}`}
      bookId={bookId}
      source={sample ? 'sample' : 'owned'}
    />
  );
}

export const readRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/read/$bookId',
  validateSearch: readerSearchSchema,
  beforeLoad: async ({ location, search }) => {
    if (!search.sample) await requireUser(location);
  },
  component: ReadRoute,
});
