// Filters for the browse and category pages. They read and write the URL through the route:
// `search` is the validated query string and `onChange` navigates with a patch of it.
import { formatLanguage } from '@/utils/catalog-format';
import { type BrowseSearch, formatValues } from '../schema';
import { type FilterOption, FilterSelect } from './filter-select';

export const LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'ja', 'zh'];

export const PRICE_OPTIONS: FilterOption[] = [
  { value: 'free', label: 'Free' },
  { value: 'under-5', label: 'Under $5' },
  { value: '5-10', label: '$5 to $10' },
  { value: '10-20', label: '$10 to $20' },
  { value: 'over-20', label: 'Over $20' },
];

type FilterKey = 'category' | 'language' | 'format' | 'price';

type BrowseFiltersProps = {
  search: BrowseSearch;
  onChange: (patch: Partial<BrowseSearch>) => void;
  /** Category choices, subcategories indented; omit to hide the category filter. */
  categories?: FilterOption[];
};

export function activeFilterCount(search: BrowseSearch, keys: FilterKey[]): number {
  return keys.filter((k) => search[k] !== undefined).length;
}

export function BrowseFilters({ search, onChange, categories }: BrowseFiltersProps) {
  const set = (key: FilterKey) => (value: string | undefined) =>
    onChange({ [key]: value, page: undefined });

  return (
    <div className="flex flex-col gap-5">
      {categories && (
        <FilterSelect
          label="Category"
          value={search.category}
          options={categories}
          onChange={set('category')}
          anyLabel="All categories"
        />
      )}
      <FilterSelect
        label="Price"
        value={search.price}
        options={PRICE_OPTIONS}
        onChange={set('price')}
        anyLabel="Any price"
      />
      <FilterSelect
        label="Language"
        value={search.language}
        options={LANGUAGES.map((code) => ({ value: code, label: formatLanguage(code) }))}
        onChange={set('language')}
        anyLabel="Any language"
      />
      <FilterSelect
        label="Format"
        value={search.format}
        options={formatValues.map((f) => ({ value: f, label: f.toUpperCase() }))}
        onChange={set('format')}
        anyLabel="Any format"
      />
    </div>
  );
}
