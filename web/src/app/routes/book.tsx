// /books/$slug: one book.
import { createRoute } from '@tanstack/react-router';
import { QueryError } from '@/components/ui/query-error';
import { useBook } from '@/features/books/api/get-book';
import { BookDetails, BookDetailsSkeleton } from '@/features/books/components/book-details';
import { LibraryActions } from '@/features/library/components/library-actions';
import { BookReviews } from '@/features/reviews/components/book-reviews';
import { WishlistToggle } from '@/features/wishlist/components/wishlist-toggle';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import { BookBuyButtons } from './book-buy';
import { NotFoundView } from './not-found';
import { rootRoute } from './root';

function BookRoute() {
  const { slug } = bookRoute.useParams();
  const query = useBook(slug);
  const missing = query.error instanceof ApiError && query.error.status === 404;
  useDocumentTitle(query.data?.title ?? (missing ? 'Book not found' : undefined));

  if (missing) {
    return (
      <NotFoundView title="Book not found">
        We could not find that book. It may have been unpublished, or the link may be mistyped.
      </NotFoundView>
    );
  }
  if (query.error && !query.data) {
    return (
      <QueryError
        title="This book could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return query.data ? (
    <BookDetails
      book={query.data}
      buy={<BookBuyButtons book={query.data} />}
      library={<LibraryActions book={query.data} />}
      wishlist={<WishlistToggle book={query.data} />}
      reviews={<BookReviews book={query.data} />}
    />
  ) : (
    <BookDetailsSkeleton />
  );
}

export const bookRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/books/$slug',
  component: BookRoute,
});
