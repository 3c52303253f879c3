// Every genre with its subgenres: the /categories page.
import { Link } from '@tanstack/react-router';
import { QueryError } from '@/components/ui/query-error';
import { useCategories } from '../api/list-categories';
import { GenreTile } from './genre-tile';

export function CategoryIndex() {
  const query = useCategories();

  if (query.error) {
    return (
      <QueryError
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  if (!query.data) {
    return (
      <div aria-busy="true" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <span className="sr-only">Loading genres…</span>
        {Array.from({ length: 9 }, (_, i) => (
          <div key={i} className="h-40 animate-pulse rounded-xl bg-surface-raised" />
        ))}
      </div>
    );
  }

  return (
    <ul className="grid gap-x-4 gap-y-6 sm:grid-cols-2 lg:grid-cols-3">
      {query.data.map((category) => (
        <li key={category.id} className="flex flex-col gap-3">
          <GenreTile category={category} />
          {category.children.length > 0 && (
            <ul className="flex flex-wrap gap-x-3 gap-y-1 px-1 text-sm">
              {category.children.map((child) => (
                <li key={child.id}>
                  <Link
                    to="/categories/$slug"
                    params={{ slug: child.slug }}
                    className="text-ink-muted hover:text-accent"
                  >
                    {child.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
