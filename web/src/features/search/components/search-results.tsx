// The search page's body: heading and count, "did you mean", facets and the ranked hits.
import { Link } from '@tanstack/react-router';
import { buttonClasses } from '@/components/ui/button';
import { FilterPanel } from '@/components/ui/filter-panel';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { useSearchBooks } from '../api/search-books';
import { type SearchResponse, type SearchSearch } from '../schema';
import { DidYouMean } from './did-you-mean';
import { SearchFacets } from './search-facets';
import { SearchResultItem, SearchResultSkeleton } from './search-result-item';

type SearchResultsProps = {
  search: SearchSearch;
  onChange: (patch: Partial<SearchSearch>) => void;
};

function EmptyQuery() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-12 text-center">
      <h1 className="font-display text-4xl text-ink">Search the store</h1>
      <p className="text-ink-muted">
        Type a title, an author or a few words from a description into the search box above.
        Misspellings are fine.
      </p>
      <Link to="/books" className={buttonClasses('secondary')}>
        Browse all books instead
      </Link>
    </div>
  );
}

function NoResults({ q, data }: { q: string; data: SearchResponse }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-line p-8">
      <p className="font-display text-2xl text-ink">Nothing matches “{q}”</p>
      {data.did_you_mean && <DidYouMean suggestion={data.did_you_mean} />}
      <p className="text-sm text-ink-muted">
        Check the spelling, use fewer words, or remove a filter.
      </p>
      <Link to="/books" className={buttonClasses('secondary', 'mt-2')}>
        Browse all books
      </Link>
    </div>
  );
}

function Facets({ data, search, onChange }: { data: SearchResponse } & SearchResultsProps) {
  const active = [search.category, search.author, search.language, search.price].filter(Boolean);
  return (
    <FilterPanel label="Filter results" activeCount={active.length}>
      <SearchFacets facets={data.facets} search={search} onChange={onChange} />
    </FilterPanel>
  );
}

export function SearchResults({ search, onChange }: SearchResultsProps) {
  const q = search.q?.trim() ?? '';
  const query = useSearchBooks(search);
  const data = query.data;

  if (!q) return <EmptyQuery />;

  const filtered = Boolean(search.category || search.author || search.language || search.price);

  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="font-display text-3xl text-balance text-ink sm:text-4xl">
          Results for “{q}”
        </h1>
        <p aria-live="polite" className="text-sm text-ink-muted">
          {data
            ? `${data.total.toLocaleString()} ${data.total === 1 ? 'book' : 'books'}`
            : 'Searching…'}
        </p>
        {data?.did_you_mean && data.total > 0 && <DidYouMean suggestion={data.did_you_mean} />}
      </header>
      {query.error && !data ? (
        <QueryError
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : !data ? (
        <div aria-busy="true" className="flex flex-col gap-2 lg:ml-[16rem]">
          <span className="sr-only">Searching…</span>
          {Array.from({ length: 5 }, (_, i) => (
            <SearchResultSkeleton key={i} />
          ))}
        </div>
      ) : data.total === 0 && !filtered ? (
        <NoResults q={q} data={data} />
      ) : (
        <div className="grid gap-8 lg:grid-cols-[14rem_1fr] lg:gap-10">
          <Facets data={data} search={search} onChange={onChange} />
          <div
            className={query.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}
            aria-busy={query.isPlaceholderData}
          >
            {data.items.length === 0 ? (
              <p className="rounded-xl border border-dashed border-line p-8 text-ink-muted">
                No results with these filters. Choose “All” in a filter to widen the search.
              </p>
            ) : (
              <ol aria-label="Search results" className="-mx-3 flex flex-col gap-1 sm:-mx-4">
                {data.items.map((hit) => (
                  <li key={hit.id}>
                    <SearchResultItem hit={hit} />
                  </li>
                ))}
              </ol>
            )}
            <Pagination
              total={data.total}
              limit={data.limit}
              offset={data.offset}
              label="Search result pages"
              className="mt-10"
            />
          </div>
        </div>
      )}
    </div>
  );
}
