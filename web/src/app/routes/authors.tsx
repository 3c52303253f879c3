// /authors: every author, by popularity or name.
import { createRoute } from '@tanstack/react-router';
import { authorListSearchSchema } from '@/features/authors/schema';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { cn } from '@/utils/cn';
import { lazyNamed } from '@/utils/lazy-named';
import { rootRoute } from './root';

const AuthorIndex = lazyNamed(
  () => import('@/features/authors/components/author-index'),
  'AuthorIndex',
);

function AuthorsRoute() {
  useDocumentTitle('Authors');
  const search = authorsRoute.useSearch();
  const navigate = authorsRoute.useNavigate();
  const sort = search.sort ?? 'popular';
  const tab = (value: 'popular' | 'name', label: string) => (
    <button
      type="button"
      aria-pressed={sort === value}
      onClick={() =>
        void navigate({
          search: { sort: value === 'popular' ? undefined : value },
          resetScroll: false,
        })
      }
      className={cn(
        'h-9 rounded-full px-4 text-sm font-medium transition-colors',
        sort === value ? 'bg-accent text-accent-ink' : 'text-ink-muted hover:text-ink',
      )}
    >
      {label}
    </button>
  );

  return (
    <div className="flex flex-col gap-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-2">
          <h1 className="font-display text-4xl text-ink sm:text-5xl">Authors</h1>
          <p className="text-ink-muted">The writers behind the books.</p>
        </div>
        <div
          role="group"
          aria-label="Sort authors"
          className="flex gap-1 rounded-full border border-line p-1"
        >
          {tab('popular', 'Most popular')}
          {tab('name', 'A–Z')}
        </div>
      </header>
      <AuthorIndex search={search} />
    </div>
  );
}

export const authorsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/authors',
  validateSearch: authorListSearchSchema,
  component: AuthorsRoute,
});
