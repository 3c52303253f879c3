// One search hit: cover, highlighted title and snippet, authors, rating and price.
import { Link } from '@tanstack/react-router';
import { BookCover } from '@/components/catalog/book-cover';
import { PriceTag } from '@/components/catalog/price-tag';
import { RatingStars } from '@/components/catalog/rating-stars';
import { formatBookFormat, formatLanguage, formatYear, joinNames } from '@/utils/catalog-format';
import { type SearchHit } from '../schema';
import { HighlightText } from './highlight-text';

export function SearchResultItem({ hit }: { hit: SearchHit }) {
  const authors = joinNames(hit.authors.map((a) => a.name));
  const year = formatYear(hit.published_at);

  return (
    <article
      data-testid="search-result"
      className="group relative grid grid-cols-[5rem_1fr] gap-4 rounded-xl p-3 transition-colors hover:bg-surface-raised/60 sm:grid-cols-[6.5rem_1fr] sm:gap-6 sm:p-4"
    >
      <BookCover src={hit.cover_url} title={hit.title} author={authors} alt="" />
      <div className="flex min-w-0 flex-col gap-1.5">
        <h3 className="font-display text-lg leading-snug text-ink sm:text-xl">
          <Link
            to="/books/$slug"
            params={{ slug: hit.slug }}
            className="outline-none after:absolute after:inset-0 after:rounded-xl focus-visible:after:outline-2 focus-visible:after:outline-accent group-hover:text-accent"
          >
            <HighlightText segments={hit.highlight?.title} fallback={hit.title} />
          </Link>
        </h3>
        <p className="text-sm text-ink-muted">
          {authors}
          {year && <span> · {year}</span>}
        </p>
        {hit.highlight?.snippet && hit.highlight.snippet.length > 0 && (
          <p className="line-clamp-3 text-sm leading-relaxed text-ink/80">
            <HighlightText segments={hit.highlight.snippet} />
          </p>
        )}
        <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-ink-muted">
          <RatingStars avg={hit.rating_avg} count={hit.rating_count} />
          <span>{formatBookFormat(hit.format)}</span>
          <span>{formatLanguage(hit.language)}</span>
          <PriceTag item={hit} className="ml-auto text-base" />
        </div>
      </div>
    </article>
  );
}

export function SearchResultSkeleton() {
  return (
    <div
      aria-hidden="true"
      className="grid grid-cols-[5rem_1fr] gap-4 p-3 sm:grid-cols-[6.5rem_1fr] sm:gap-6 sm:p-4"
    >
      <div className="aspect-2/3 animate-pulse rounded-md bg-surface-raised" />
      <div className="flex flex-col gap-2">
        <div className="h-6 w-3/5 animate-pulse rounded bg-surface-raised" />
        <div className="h-4 w-1/3 animate-pulse rounded bg-surface-raised" />
        <div className="h-4 w-full animate-pulse rounded bg-surface-raised" />
        <div className="h-4 w-4/5 animate-pulse rounded bg-surface-raised" />
      </div>
    </div>
  );
}
