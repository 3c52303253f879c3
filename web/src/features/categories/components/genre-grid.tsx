// The home page's genres: the top-level categories as tiles.
import { Link } from '@tanstack/react-router';
import { QueryError } from '@/components/ui/query-error';
import { useCategories } from '../api/list-categories';
import { type Category } from '../schema';
import { GenreTile } from './genre-tile';

/** Genres a reader browses by: the subcategories of each top-level category, or the category
 * itself when it has none ("Fiction" is too broad a tile; "Poetry" is just right), biggest first. */
export function genresOf(tree: Category[]): Category[] {
  return tree
    .flatMap((c) => (c.children.length > 0 ? c.children : [c]))
    .filter((c) => c.book_count > 0)
    .sort((a, b) => b.book_count - a.book_count);
}

const gridClasses = 'grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4';

export function GenreGrid({ limit = 12 }: { limit?: number }) {
  const query = useCategories();

  return (
    <section aria-labelledby="genres-heading" className="flex flex-col gap-4">
      <div className="flex items-end justify-between gap-4">
        <h2 id="genres-heading" className="font-display text-2xl text-ink sm:text-[1.75rem]">
          Browse by genre
        </h2>
        <Link to="/categories" className="text-sm font-medium text-accent hover:underline">
          All genres
        </Link>
      </div>
      {query.error ? (
        <QueryError
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : query.data ? (
        <ul className={gridClasses}>
          {genresOf(query.data)
            .slice(0, limit)
            .map((category) => (
              <li key={category.id}>
                <GenreTile category={category} className="h-full" />
              </li>
            ))}
        </ul>
      ) : (
        <div aria-busy="true" className={gridClasses}>
          <span className="sr-only">Loading genres…</span>
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="h-28 animate-pulse rounded-xl bg-surface-raised sm:h-32" />
          ))}
        </div>
      )}
    </section>
  );
}
