// Every author, paged: the /authors page.
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { useAuthors } from '../api/list-authors';
import { type AuthorListSearch } from '../schema';
import { AuthorCard, AuthorCardSkeleton } from './author-card';

const PAGE_SIZE = 30;
const gridClasses =
  'grid grid-cols-2 gap-x-4 gap-y-8 min-[480px]:grid-cols-3 md:grid-cols-5 lg:grid-cols-6';

export function AuthorIndex({ search }: { search: AuthorListSearch }) {
  const query = useAuthors({
    sort: search.sort,
    limit: PAGE_SIZE,
    offset: ((search.page ?? 1) - 1) * PAGE_SIZE,
  });

  if (query.error && !query.data) {
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
      <div aria-busy="true" className={gridClasses}>
        <span className="sr-only">Loading authors…</span>
        {Array.from({ length: 12 }, (_, i) => (
          <AuthorCardSkeleton key={i} />
        ))}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-12">
      <ul className={gridClasses}>
        {query.data.items.map((author) => (
          <li key={author.id}>
            <AuthorCard author={author} />
          </li>
        ))}
      </ul>
      <Pagination
        total={query.data.total}
        limit={query.data.limit}
        offset={query.data.offset}
        label="Author list pages"
      />
    </div>
  );
}
