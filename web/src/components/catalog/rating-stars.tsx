// Average rating as five stars filled to the value, with the number and the count beside it.
import { formatCount, formatRating } from '@/utils/catalog-format';
import { cn } from '@/utils/cn';

type RatingStarsProps = {
  avg: number | null | undefined;
  count: number;
  className?: string;
  /** Shows "(1.2K)" after the number. */
  showCount?: boolean;
  /** One star and the number, for cards. */
  compact?: boolean;
};

const STAR = 'M10 1.6l2.6 5.3 5.8.8-4.2 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8L1.6 7.7l5.8-.8z';

function Stars({ fraction }: { fraction: number }) {
  return (
    <span aria-hidden="true" className="relative inline-flex">
      <span className="flex text-ink-muted/35">
        {[0, 1, 2, 3, 4].map((i) => (
          <svg key={i} viewBox="0 0 20 20" className="size-[1em] fill-current">
            <path d={STAR} />
          </svg>
        ))}
      </span>
      <span
        className="absolute inset-y-0 left-0 flex overflow-hidden text-accent"
        style={{ width: `${Math.round(fraction * 100)}%` }}
      >
        {[0, 1, 2, 3, 4].map((i) => (
          <svg key={i} viewBox="0 0 20 20" className="size-[1em] shrink-0 fill-current">
            <path d={STAR} />
          </svg>
        ))}
      </span>
    </span>
  );
}

export function RatingStars({
  avg,
  count,
  className,
  showCount = true,
  compact = false,
}: RatingStarsProps) {
  if (!avg || count === 0) {
    return (
      <span className={cn('text-ink-muted', className)}>{compact ? 'New' : 'No ratings yet'}</span>
    );
  }
  const value = Math.min(5, Math.max(0, avg));
  const label = `Rated ${formatRating(value)} out of 5 by ${count} ${count === 1 ? 'reader' : 'readers'}`;

  return (
    <span className={cn('inline-flex items-center gap-1.5', className)}>
      <span className="sr-only">{label}</span>
      {compact ? (
        <svg
          viewBox="0 0 20 20"
          aria-hidden="true"
          className="size-[1.1em] fill-current text-accent"
        >
          <path d={STAR} />
        </svg>
      ) : (
        <Stars fraction={value / 5} />
      )}
      <span aria-hidden="true" className="font-medium text-ink tabular-nums">
        {formatRating(value)}
      </span>
      {showCount && !compact && (
        <span aria-hidden="true" className="text-ink-muted tabular-nums">
          ({formatCount(count)})
        </span>
      )}
    </span>
  );
}
