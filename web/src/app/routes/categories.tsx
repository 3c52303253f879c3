// /categories: every genre and its subgenres.
import { createRoute } from '@tanstack/react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyNamed } from '@/utils/lazy-named';
import { rootRoute } from './root';

const CategoryIndex = lazyNamed(
  () => import('@/features/categories/components/category-index'),
  'CategoryIndex',
);

function CategoriesRoute() {
  useDocumentTitle('Genres');

  return (
    <div className="flex flex-col gap-10">
      <header className="flex flex-col gap-2">
        <h1 className="font-display text-4xl text-ink sm:text-5xl">Genres</h1>
        <p className="text-ink-muted">Find your next book by what you love to read.</p>
      </header>
      <CategoryIndex />
    </div>
  );
}

export const categoriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/categories',
  component: CategoriesRoute,
});
