// The filters in force as removable chips, with "Clear all".
import { formatLanguage } from '@/utils/catalog-format';
import { type BrowseSearch } from '../schema';
import { PRICE_OPTIONS } from './browse-filters';
import { type FilterOption } from './filter-select';

type Chip = { key: keyof BrowseSearch; label: string };

function chipsFor(search: BrowseSearch, categories: FilterOption[] | undefined): Chip[] {
  const chips: Chip[] = [];
  if (search.category && categories) {
    const name = categories.find((c) => c.value === search.category)?.label.trim();
    chips.push({ key: 'category', label: name ?? search.category });
  }
  if (search.author) chips.push({ key: 'author', label: `Author: ${search.author}` });
  if (search.publisher) chips.push({ key: 'publisher', label: `Publisher: ${search.publisher}` });
  if (search.price) {
    const band = PRICE_OPTIONS.find((p) => p.value === search.price);
    chips.push({ key: 'price', label: band?.label ?? search.price });
  }
  if (search.language) chips.push({ key: 'language', label: formatLanguage(search.language) });
  if (search.format) chips.push({ key: 'format', label: search.format.toUpperCase() });
  return chips;
}

export function ActiveFilters({
  search,
  onChange,
  categories,
}: {
  search: BrowseSearch;
  onChange: (patch: Partial<BrowseSearch>) => void;
  categories?: FilterOption[] | undefined;
}) {
  const chips = chipsFor(search, categories);
  if (chips.length === 0) return null;

  const clearAll = () => {
    const patch: Partial<BrowseSearch> = { page: undefined };
    for (const chip of chips) patch[chip.key] = undefined;
    onChange(patch);
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          onClick={() => onChange({ [chip.key]: undefined, page: undefined })}
          aria-label={`Remove filter: ${chip.label}`}
          className="inline-flex h-8 items-center gap-1.5 rounded-full border border-accent/40 bg-accent/10 pr-2.5 pl-3.5 text-sm text-ink transition-colors hover:border-accent"
        >
          {chip.label}
          <span aria-hidden="true" className="text-ink-muted">
            ×
          </span>
        </button>
      ))}
      <button
        type="button"
        onClick={clearAll}
        className="h-8 px-2 text-sm font-medium text-accent hover:underline"
      >
        Clear all
      </button>
    </div>
  );
}
