// The home page's row of popular authors.
import { Link } from '@tanstack/react-router';
import { ShelfItem, ShelfRow } from '@/components/catalog/shelf-row';
import { QueryError } from '@/components/ui/query-error';
import { useAuthors } from '../api/list-authors';
import { AuthorCard, AuthorCardSkeleton } from './author-card';

export function PopularAuthors() {
  const query = useAuthors({ sort: 'popular', limit: 16 });
  const seeAll = (
    <Link to="/authors" className="mr-2 text-sm font-medium text-accent hover:underline">
      All authors
    </Link>
  );

  if (query.error) {
    return (
      <QueryError
        title="Authors could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }

  return (
    <ShelfRow title="Popular authors" action={seeAll} data-testid="popular-authors">
      {query.data
        ? query.data.items.map((author) => (
            <ShelfItem key={author.id} className="w-28 sm:w-36 lg:w-36">
              <AuthorCard author={author} />
            </ShelfItem>
          ))
        : Array.from({ length: 8 }, (_, i) => (
            <ShelfItem key={i} className="w-28 sm:w-36 lg:w-36">
              <AuthorCardSkeleton />
            </ShelfItem>
          ))}
    </ShelfRow>
  );
}
