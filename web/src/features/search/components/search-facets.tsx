// The search page's filters, built from the facet counts of the current results. Choosing one
// patches the URL through `onChange`.
import { formatLanguage } from '@/utils/catalog-format';
import { type FacetKey, type Facets, type SearchSearch } from '../schema';
import { FacetGroup } from './facet-group';

type SearchFacetsProps = {
  facets: Facets;
  search: SearchSearch;
  onChange: (patch: Partial<SearchSearch>) => void;
};

export function SearchFacets({ facets, search, onChange }: SearchFacetsProps) {
  const set = (key: FacetKey) => (value: string | undefined) =>
    onChange({ [key]: value, page: undefined });

  return (
    <div data-testid="search-facets" className="flex flex-col gap-6">
      <FacetGroup
        legend="Category"
        name="facet-category"
        value={search.category}
        onChange={set('category')}
        options={facets.categories.map((f) => ({ value: f.slug, label: f.name, count: f.count }))}
      />
      <FacetGroup
        legend="Author"
        name="facet-author"
        value={search.author}
        onChange={set('author')}
        options={facets.authors.map((f) => ({ value: f.slug, label: f.name, count: f.count }))}
      />
      <FacetGroup
        legend="Language"
        name="facet-language"
        value={search.language}
        onChange={set('language')}
        options={facets.languages.map((f) => ({
          value: f.value,
          label: formatLanguage(f.value),
          count: f.count,
        }))}
      />
      <FacetGroup
        legend="Price"
        name="facet-price"
        value={search.price}
        onChange={set('price')}
        options={facets.price_bands.map((f) => ({
          value: f.value,
          label: f.label,
          count: f.count,
        }))}
      />
    </div>
  );
}
