// Writes or edits my review of a book I own: a star rating (required), a title and the text.
// The client checks the rating; everything else the API checks, and its details.fields are shown
// beside the fields they name.
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import { ApiError } from '@/lib/api-client';
import { collect } from '@/utils/validate';
import { useSaveReview } from '../api/save-review';
import { REVIEW_LIMITS, type Review, type ReviewInput } from '../schema';
import { StarRatingInput } from './star-rating-input';

const FIELDS = ['rating', 'title', 'body'] as const;

type ReviewFormProps = {
  bookId: number;
  /** My review when editing it; absent for a first review. */
  review?: Review | undefined;
  onSaved?: (review: Review) => void;
  onCancel?: () => void;
};

export function ReviewForm({ bookId, review, onSaved, onCancel }: ReviewFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const save = useSaveReview();
  const [rating, setRating] = useState(review?.rating ?? 0);
  const [title, setTitle] = useState(review?.title ?? '');
  const [body, setBody] = useState(review?.body ?? '');
  const [conflict, setConflict] = useState(false);
  const editing = Boolean(review);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = collect(
      {},
      'rating',
      rating < 1 || rating > 5,
      'Choose a rating from 1 to 5 stars.',
    );
    collect(
      found,
      'title',
      title.length > REVIEW_LIMITS.title,
      `Keep the title under ${REVIEW_LIMITS.title} characters.`,
    );
    setConflict(false);
    if (!errors.check(found)) return;

    const input: ReviewInput = { rating };
    if (title.trim() || editing) input.title = title.trim();
    if (body.trim() || editing) input.body = body.trim();
    save.mutate(
      { bookId, input, editing },
      {
        onSuccess: (saved) => {
          errors.clear();
          onSaved?.(saved);
        },
        onError: (error) => {
          errors.fromError(error, FIELDS);
          setConflict(error instanceof ApiError && error.status === 409);
        },
      },
    );
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      aria-label={editing ? 'Edit your review' : 'Write a review'}
      data-testid="review-form"
      className="flex flex-col gap-5 rounded-2xl border border-line bg-surface/60 p-5 sm:p-6"
    >
      <h3 className="font-display text-xl text-ink">
        {editing ? 'Edit your review' : 'Write a review'}
      </h3>
      <FormAlert>
        {conflict ? 'You have already reviewed this book. Edit your review instead.' : errors.alert}
      </FormAlert>
      <StarRatingInput
        value={rating}
        error={errors.fields.rating}
        onChange={(value) => {
          setRating(value);
          errors.clearField('rating');
        }}
      />
      <TextField
        label="Title"
        name="title"
        maxLength={REVIEW_LIMITS.title}
        placeholder="Sum it up in a few words"
        value={title}
        error={errors.fields.title}
        onChange={(event) => {
          setTitle(event.target.value);
          errors.clearField('title');
        }}
      />
      <TextareaField
        label="Your review"
        name="body"
        rows={5}
        maxLength={REVIEW_LIMITS.body}
        placeholder="What did you like, or not? No spoilers, please."
        value={body}
        error={errors.fields.body}
        onChange={(event) => {
          setBody(event.target.value);
          errors.clearField('body');
        }}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : editing ? 'Save review' : 'Post review'}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
