// The sort order of a book list, kept in the URL like the filters.
import { type BookSort, type BrowseSearch, sortLabels, sortValues } from '../schema';
import { FilterSelect } from './filter-select';

export function SortSelect({
  search,
  onChange,
}: {
  search: BrowseSearch;
  onChange: (patch: Partial<BrowseSearch>) => void;
}) {
  return (
    <div className="w-48">
      <FilterSelect
        label="Sort by"
        value={search.sort ?? 'newest'}
        options={sortValues.map((s) => ({ value: s, label: sortLabels[s] }))}
        onChange={(value) =>
          onChange({
            sort: value === 'newest' ? undefined : (value as BookSort | undefined),
            page: undefined,
          })
        }
      />
    </div>
  );
}
