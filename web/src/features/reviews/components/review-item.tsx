// One review: stars, title, text, who wrote it and when; my own has edit and delete, others a
// report button for signed-in readers.
import { type ReactNode } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/utils/catalog-format';
import { cn } from '@/utils/cn';
import { type Review } from '../schema';
import { StarRow } from './star-rating-input';

export function ReviewItem({
  review,
  mine = false,
  actions,
}: {
  review: Review;
  mine?: boolean;
  actions?: ReactNode;
}) {
  const edited = review.updated_at && review.updated_at !== review.created_at;
  return (
    <article
      data-testid="review"
      className={cn(
        'flex flex-col gap-3 rounded-2xl border p-5',
        mine ? 'border-accent/40 bg-accent/5' : 'border-line bg-surface/40',
      )}
    >
      <header className="flex items-center gap-3">
        <Avatar name={review.author.display_name} size="sm" />
        <div className="flex min-w-0 flex-col">
          <span className="truncate text-sm font-medium text-ink">
            {mine ? 'Your review' : review.author.display_name}
          </span>
          <span className="text-xs text-ink-muted">
            {formatDate(review.created_at)}
            {edited ? ' · edited' : ''}
          </span>
        </div>
        {review.verified_purchase && (
          <Badge tone="positive" className="ml-auto">
            Verified purchase
          </Badge>
        )}
      </header>
      <div className="flex flex-col gap-1.5">
        <StarRow rating={review.rating} />
        {review.title && <h3 className="font-semibold text-ink">{review.title}</h3>}
        {review.body && (
          <p className="text-sm leading-relaxed whitespace-pre-line text-ink/90">{review.body}</p>
        )}
      </div>
      {actions && <footer className="flex flex-wrap items-center gap-3">{actions}</footer>}
    </article>
  );
}
