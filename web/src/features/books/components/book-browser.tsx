// A filterable, sortable, paged book list: the browse page, and the books of a category.
import { FilterPanel } from '@/components/ui/filter-panel';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { Button } from '@/components/ui/button';
import { useBooks } from '../api/list-books';
import { type BrowseSearch } from '../schema';
import { ActiveFilters } from './active-filters';
import { BookGrid, BookGridSkeleton } from './book-grid';
import { BrowseFilters, activeFilterCount } from './browse-filters';
import { type FilterOption } from './filter-select';
import { SortSelect } from './sort-select';

type BookBrowserProps = {
  search: BrowseSearch;
  onChange: (patch: Partial<BrowseSearch>) => void;
  /** Category choices for the filter; omit on a category's own page. */
  categories?: FilterOption[] | undefined;
  /** Filters the page imposes that the visitor cannot change (the category of a category page). */
  fixed?: Partial<BrowseSearch>;
};

function ResultCount({ total, fetching }: { total: number | undefined; fetching: boolean }) {
  return (
    <p aria-live="polite" className="text-sm text-ink-muted">
      {total === undefined ? (
        'Loading books…'
      ) : (
        <>
          <span className="font-semibold text-ink tabular-nums">{total.toLocaleString()}</span>{' '}
          {total === 1 ? 'book' : 'books'}
          {fetching && <span className="sr-only"> (updating)</span>}
        </>
      )}
    </p>
  );
}

export function BookBrowser({ search, onChange, categories, fixed }: BookBrowserProps) {
  const query = useBooks({ ...search, ...fixed });
  const data = query.data;

  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_1fr] lg:gap-10">
      <FilterPanel
        label="Filters"
        activeCount={activeFilterCount(search, ['category', 'language', 'format', 'price'])}
      >
        <BrowseFilters search={search} onChange={onChange} categories={categories} />
      </FilterPanel>
      <div className="flex min-w-0 flex-col gap-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <ResultCount total={data?.total} fetching={query.isFetching} />
          <SortSelect search={search} onChange={onChange} />
        </div>
        <ActiveFilters search={search} onChange={onChange} categories={categories} />
        {query.error && !data ? (
          <QueryError
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        ) : !data ? (
          <BookGridSkeleton layout="aside" />
        ) : data.items.length === 0 ? (
          <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-line p-8">
            <p className="font-display text-xl text-ink">No books match these filters</p>
            <p className="text-sm text-ink-muted">Try another price or language, or clear them.</p>
            <Button
              variant="secondary"
              onClick={() =>
                onChange({
                  category: undefined,
                  language: undefined,
                  format: undefined,
                  price: undefined,
                  author: undefined,
                  publisher: undefined,
                  page: undefined,
                })
              }
            >
              Clear filters
            </Button>
          </div>
        ) : (
          <div
            className={query.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}
            aria-busy={query.isPlaceholderData}
          >
            <BookGrid books={data.items} label="Books" layout="aside" />
            <Pagination
              total={data.total}
              limit={data.limit}
              offset={data.offset}
              label="Book list pages"
              className="mt-12"
            />
          </div>
        )}
      </div>
    </div>
  );
}
