// /books: the whole catalog with filters, sort and pagination, all kept in the URL.
import { createRoute } from '@tanstack/react-router';
import { useCategories, flattenCategories } from '@/features/categories/api/list-categories';
import { type BrowseSearch, browseSearchSchema } from '@/features/books/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { rootRoute } from './root';

const BookBrowser = lazyNamed(
  () => import('@/features/books/components/book-browser'),
  'BookBrowser',
);

function useCategoryOptions() {
  const query = useCategories();
  return query.data
    ? flattenCategories(query.data).map(({ category, depth }) => ({
        value: category.slug,
        label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${category.name}`,
      }))
    : undefined;
}

function BrowseRoute() {
  useDocumentTitle('Browse books');
  const search = browseRoute.useSearch();
  const navigate = browseRoute.useNavigate();
  const categories = useCategoryOptions();
  const onChange = (patch: Partial<BrowseSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), resetScroll: false });

  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="font-display text-4xl text-ink sm:text-5xl">Browse books</h1>
        <p className="text-ink-muted">
          Every book in the store. Narrow it down, or sort it your way.
        </p>
      </header>
      <BookBrowser search={search} onChange={onChange} categories={categories} />
    </div>
  );
}

export const browseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/books',
  validateSearch: browseSearchSchema,
  component: BrowseRoute,
});
