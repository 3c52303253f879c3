// Picks a rating from 1 to 5 stars: a radio group, so arrow keys move between stars and a screen
// reader hears "4 stars, 4 of 5".
import { useId, useState } from 'react';
import { cn } from '@/utils/cn';

const STAR = 'M10 1.6l2.6 5.3 5.8.8-4.2 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8L1.6 7.7l5.8-.8z';
const WORDS = ['', 'Poor', 'Fair', 'Good', 'Very good', 'Excellent'];

type StarRatingInputProps = {
  value: number;
  onChange: (value: number) => void;
  error?: string | undefined;
  label?: string;
};

export function StarRatingInput({
  value,
  onChange,
  error,
  label = 'Rating',
}: StarRatingInputProps) {
  const name = useId();
  const errorId = `${name}-error`;
  const [hover, setHover] = useState(0);
  const shown = hover || value;

  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-sm font-medium text-ink">{label}</legend>
      <div className="flex items-center gap-3" onMouseLeave={() => setHover(0)}>
        <div className="flex">
          {[1, 2, 3, 4, 5].map((n) => (
            <label
              key={n}
              className="cursor-pointer p-0.5"
              onMouseEnter={() => setHover(n)}
              title={`${n} ${n === 1 ? 'star' : 'stars'}`}
            >
              <input
                type="radio"
                name={name}
                value={n}
                checked={value === n}
                onChange={() => onChange(n)}
                className="peer sr-only"
                aria-label={`${n} ${n === 1 ? 'star' : 'stars'}`}
                aria-describedby={error ? errorId : undefined}
                aria-invalid={error ? true : undefined}
              />
              <svg
                viewBox="0 0 20 20"
                aria-hidden="true"
                className={cn(
                  'size-8 fill-current transition-colors peer-focus-visible:outline-2 peer-focus-visible:outline-accent',
                  n <= shown ? 'text-accent' : 'text-ink-muted/30',
                )}
              >
                <path d={STAR} />
              </svg>
            </label>
          ))}
        </div>
        <span className="text-sm text-ink-muted" aria-hidden="true">
          {WORDS[shown] ?? ''}
        </span>
      </div>
      {error && (
        <p id={errorId} className="text-sm text-negative">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A review's own rating, read-only. */
export function StarRow({ rating, className }: { rating: number; className?: string }) {
  return (
    <span className={cn('inline-flex items-center', className)}>
      <span className="sr-only">{`${rating} out of 5 stars`}</span>
      {[1, 2, 3, 4, 5].map((n) => (
        <svg
          key={n}
          viewBox="0 0 20 20"
          aria-hidden="true"
          className={cn('size-4 fill-current', n <= rating ? 'text-accent' : 'text-ink-muted/30')}
        >
          <path d={STAR} />
        </svg>
      ))}
    </span>
  );
}
