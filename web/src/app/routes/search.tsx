// /search?q=: full-text search with facets; every filter lives in the URL.
import { createRoute } from '@tanstack/react-router';
import { type SearchSearch, searchSearchSchema } from '@/features/search/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { rootRoute } from './root';

const SearchResults = lazyNamed(
  () => import('@/features/search/components/search-results'),
  'SearchResults',
);

function SearchRoute() {
  const search = searchRoute.useSearch();
  const navigate = searchRoute.useNavigate();
  const q = search.q?.trim();
  useDocumentTitle(q ? `“${q}”` : 'Search');
  const onChange = (patch: Partial<SearchSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), resetScroll: false });

  return <SearchResults search={search} onChange={onChange} />;
}

export const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/search',
  validateSearch: searchSearchSchema,
  component: SearchRoute,
});
