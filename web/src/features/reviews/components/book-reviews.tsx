// The reviews section of a book page: the average, my review (or a form to write one when I own
// the book), and everyone else's, newest first.
import { Link, useLocation } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { RatingStars } from '@/components/catalog/rating-stars';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { QueryError } from '@/components/ui/query-error';
import { useSession } from '@/hooks/use-session';
import { formErrorMessage } from '@/lib/form-errors';
import { useOwnsBook } from '../api/get-ownership';
import { useReviews } from '../api/list-reviews';
import { useDeleteMyReview } from '../api/save-review';
import { type Review } from '../schema';
import { ReportReview } from './report-review';
import { ReviewForm } from './review-form';
import { ReviewItem } from './review-item';

type BookReviewsProps = {
  book: { id: number; title: string; rating_avg?: number | null; rating_count: number };
};

function MyReview({ bookId, review }: { bookId: number; review: Review }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteMyReview();

  if (editing) {
    return (
      <ReviewForm
        bookId={bookId}
        review={review}
        onSaved={() => setEditing(false)}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <>
      <ReviewItem
        review={review}
        mine
        actions={
          <>
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          </>
        }
      />
      <ConfirmDialog
        open={confirming}
        title="Delete your review?"
        confirmLabel="Delete review"
        pendingLabel="Deleting…"
        tone="danger"
        pending={remove.isPending}
        error={remove.error ? formErrorMessage(remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate(bookId, { onSuccess: () => setConfirming(false) })}
      >
        <p>
          Your rating stops counting towards the book&rsquo;s average. You can write a new one
          later.
        </p>
      </ConfirmDialog>
    </>
  );
}

function WhoMayReview({ signedIn, owns }: { signedIn: boolean; owns: boolean | undefined }) {
  const { href } = useLocation();
  if (!signedIn) {
    return (
      <p className="text-sm text-ink-muted">
        <Link to="/sign-in" search={{ redirect: href }} className="text-accent hover:underline">
          Sign in
        </Link>{' '}
        to review a book you own.
      </p>
    );
  }
  if (owns === false) {
    return (
      <p className="text-sm text-ink-muted">
        Only readers who have this book in their library can review it.
      </p>
    );
  }
  return null;
}

export function BookReviews({ book }: BookReviewsProps) {
  const headingId = useId();
  const { status, user } = useSession();
  const signedIn = status === 'signed-in';
  const reviews = useReviews(book.id);
  const owns = useOwnsBook(book.id, { enabled: signedIn });
  const items = reviews.data?.items ?? [];
  const mine = user ? items.find((r) => String(r.author.id) === String(user.id)) : undefined;
  const others = items.filter((r) => r !== mine);

  return (
    <section aria-labelledby={headingId} data-testid="book-reviews" className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id={headingId} className="font-display text-2xl text-ink sm:text-[1.75rem]">
            Reviews
          </h2>
          <div data-testid="reviews-summary" className="text-sm">
            <RatingStars avg={book.rating_avg} count={book.rating_count} />
          </div>
        </div>
      </div>
      {mine ? (
        <MyReview key={`${mine.id}-${mine.updated_at ?? ''}`} bookId={book.id} review={mine} />
      ) : signedIn && owns.data === true && reviews.data ? (
        <ReviewForm bookId={book.id} />
      ) : (
        <WhoMayReview signedIn={signedIn} owns={owns.data} />
      )}
      {reviews.error && !reviews.data ? (
        <QueryError
          title="Reviews could not be loaded"
          error={reviews.error}
          onRetry={() => void reviews.refetch()}
          retrying={reviews.isFetching}
        />
      ) : reviews.data && others.length === 0 && !mine ? (
        <p className="text-sm text-ink-muted">
          No reviews yet. Readers who own it can be the first.
        </p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label={`Reviews of ${book.title}`}>
          {others.map((review) => (
            <li key={review.id}>
              <ReviewItem
                review={review}
                actions={signedIn ? <ReportReview reviewId={review.id} /> : undefined}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
