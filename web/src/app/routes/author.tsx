// /authors/$slug: an author's profile and books.
import { createRoute } from '@tanstack/react-router';
import { QueryError } from '@/components/ui/query-error';
import { useAuthor } from '@/features/authors/api/get-author';
import { AuthorHeader, AuthorHeaderSkeleton } from '@/features/authors/components/author-header';
import { BookGrid, BookGridSkeleton } from '@/features/books/components/book-grid';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import { NotFoundView } from './not-found';
import { rootRoute } from './root';

function AuthorRoute() {
  const { slug } = authorRoute.useParams();
  const query = useAuthor(slug);
  const missing = query.error instanceof ApiError && query.error.status === 404;
  useDocumentTitle(query.data?.name ?? (missing ? 'Author not found' : undefined));

  if (missing) {
    return (
      <NotFoundView title="Author not found">
        We could not find that author. The link may be mistyped.
      </NotFoundView>
    );
  }
  if (query.error && !query.data) {
    return (
      <QueryError
        title="This author could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }

  const author = query.data;
  return (
    <div data-testid="author-page" className="flex flex-col gap-14">
      {author ? <AuthorHeader author={author} /> : <AuthorHeaderSkeleton />}
      <section aria-labelledby="author-books-heading" className="flex flex-col gap-6">
        <h2 id="author-books-heading" className="font-display text-2xl text-ink sm:text-[1.75rem]">
          {author ? `Books by ${author.name}` : 'Books'}
        </h2>
        {author ? (
          author.books.length > 0 ? (
            <BookGrid books={author.books} />
          ) : (
            <p className="text-ink-muted">No books published yet.</p>
          )
        ) : (
          <BookGridSkeleton count={6} />
        )}
      </section>
    </div>
  );
}

export const authorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/authors/$slug',
  component: AuthorRoute,
});
