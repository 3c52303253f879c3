// The top of a category page: breadcrumb, name, description and subcategories.
import { Link } from '@tanstack/react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { type CategoryDetail } from '../schema';

function Breadcrumb({ category }: { category: CategoryDetail }) {
  const trail = category.breadcrumb.filter((c) => c.slug !== category.slug);

  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1.5 text-sm text-ink-muted">
        <li>
          <Link to="/categories" className="hover:text-accent">
            Genres
          </Link>
        </li>
        {trail.map((c) => (
          <li key={c.id} className="flex items-center gap-1.5">
            <span aria-hidden="true">/</span>
            <Link to="/categories/$slug" params={{ slug: c.slug }} className="hover:text-accent">
              {c.name}
            </Link>
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true">/</span>
          <span aria-current="page" className="text-ink">
            {category.name}
          </span>
        </li>
      </ol>
    </nav>
  );
}

export function CategoryHeader({ category }: { category: CategoryDetail }) {
  return (
    <header className="flex flex-col gap-5">
      <Breadcrumb category={category} />
      <div>
        <h1 className="font-display text-4xl text-ink sm:text-5xl">{category.name}</h1>
        <p className="mt-3 max-w-prose text-ink-muted">
          {category.description ??
            `${category.book_count.toLocaleString()} ${category.book_count === 1 ? 'book' : 'books'} to explore.`}
        </p>
      </div>
      {category.children.length > 0 && (
        <nav aria-label={`Subcategories of ${category.name}`}>
          <ul className="flex flex-wrap gap-2">
            {category.children.map((c) => (
              <li key={c.id}>
                <Link
                  to="/categories/$slug"
                  params={{ slug: c.slug }}
                  className="inline-flex h-9 items-center gap-2 rounded-full border border-line bg-surface/60 px-4 text-sm text-ink transition-colors hover:border-accent hover:text-accent"
                >
                  {c.name}
                  <span className="text-xs text-ink-muted tabular-nums">{c.book_count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

export function CategoryHeaderSkeleton() {
  return (
    <div aria-busy="true" className="flex flex-col gap-5">
      <span className="sr-only">Loading the category…</span>
      <Skeleton className="h-4 w-40" />
      <Skeleton className="h-12 w-72" />
      <Skeleton className="h-5 w-96 max-w-full" />
    </div>
  );
}
