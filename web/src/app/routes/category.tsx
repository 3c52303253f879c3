// /categories/$slug: a category's subcategories and its books, filterable like /books.
import { createRoute } from '@tanstack/react-router';
import { QueryError } from '@/components/ui/query-error';
import { type BrowseSearch, browseSearchSchema } from '@/features/books/schema';
import { useCategory } from '@/features/categories/api/get-category';
import {
  CategoryHeader,
  CategoryHeaderSkeleton,
} from '@/features/categories/components/category-header';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import { lazyNamed } from '@/utils/lazy-named';
import { NotFoundView } from './not-found';
import { rootRoute } from './root';

const BookBrowser = lazyNamed(
  () => import('@/features/books/components/book-browser'),
  'BookBrowser',
);

function CategoryRoute() {
  const { slug } = categoryRoute.useParams();
  const search = categoryRoute.useSearch();
  const navigate = categoryRoute.useNavigate();
  const query = useCategory(slug);
  const missing = query.error instanceof ApiError && query.error.status === 404;
  useDocumentTitle(query.data?.name ?? (missing ? 'Category not found' : undefined));
  const onChange = (patch: Partial<BrowseSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), resetScroll: false });

  if (missing) {
    return (
      <NotFoundView title="Category not found">
        There is no such category. Have a look at all the genres instead.
      </NotFoundView>
    );
  }

  return (
    <div data-testid="category-page" className="flex flex-col gap-10">
      {query.data ? (
        <CategoryHeader category={query.data} />
      ) : query.error ? (
        <QueryError
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <CategoryHeaderSkeleton />
      )}
      <BookBrowser
        search={{ ...search, category: undefined }}
        onChange={onChange}
        fixed={{ category: slug }}
      />
    </div>
  );
}

export const categoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/categories/$slug',
  validateSearch: browseSearchSchema,
  component: CategoryRoute,
});
