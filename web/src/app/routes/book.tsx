// /books/$slug: one book.
import { createRoute } from '@tanstack/react-router';
import { Suspense } from 'react';
import { PageSuspense } from '@/components/layout/page-suspense';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { useBook } from '@/features/books/api/get-book';
import { BookDetails, BookDetailsSkeleton } from '@/features/books/components/book-details';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import { lazyNamed } from '@/utils/lazy-named';
import { BookBuyButtons } from './book-buy';
import { NotFoundView } from './not-found';
import { rootRoute } from './root';

const LibraryActions = lazyNamed(
  () => import('@/features/library/components/library-actions'),
  'LibraryActions',
);
const BookReviews = lazyNamed(
  () => import('@/features/reviews/components/book-reviews'),
  'BookReviews',
);
const WishlistToggle = lazyNamed(
  () => import('@/features/wishlist/components/wishlist-toggle'),
  'WishlistToggle',
);

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
      buy={
        <Suspense fallback={null}>
          <BookBuyButtons book={query.data} />
        </Suspense>
      }
      library={
        <Suspense fallback={null}>
          <LibraryActions book={query.data} />
        </Suspense>
      }
      wishlist={
        <Suspense fallback={null}>
          <WishlistToggle book={query.data} />
        </Suspense>
      }
      reviews={
        <PageSuspense fallback={<Skeleton className="h-48 w-full rounded-2xl" />}>
          <BookReviews book={query.data} />
        </PageSuspense>
      }
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
