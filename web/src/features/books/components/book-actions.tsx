// The buy, sample and wishlist buttons of a book page. Commerce is not wired up yet: each button
// says so in a status message rather than sitting there disabled and unexplained.
import { type ReactNode, useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { cn } from '@/utils/cn';
import { type BookDetail } from '../schema';

function HeartIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="size-5">
      <path
        d="M10 17s-6.5-4-6.5-8.6A3.6 3.6 0 0 1 10 6a3.6 3.6 0 0 1 6.5 2.4C16.5 13 10 17 10 17Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
    </svg>
  );
}

type Action = { label: string; variant: 'primary' | 'secondary' | 'ghost'; notice: string };

function actionsFor(book: BookDetail): Action[] {
  const sample: Action = {
    label: 'Read sample',
    variant: 'ghost',
    notice: 'Samples open in the reader, which is coming soon.',
  };
  if (book.is_free) {
    return [
      {
        label: 'Add to library',
        variant: 'primary',
        notice: 'Free books go to your library once accounts and the library open.',
      },
      sample,
    ];
  }
  return [
    { label: 'Add to cart', variant: 'primary', notice: 'The cart opens soon.' },
    { label: 'Buy now', variant: 'secondary', notice: 'Checkout opens soon.' },
    sample,
  ];
}

/** Buttons handed down by the route, each replacing its stand-in here. */
export type BookActionSlots = {
  /** The cart's Add to cart / Buy now: replaces the two buy buttons. */
  buy?: ReactNode;
  /** The library's Read now / Add to library / Read sample: replaces those. */
  library?: ReactNode;
  /** The wishlist's heart. */
  wishlist?: ReactNode;
};

export function BookActions({
  book,
  buy,
  library,
  wishlist,
}: { book: BookDetail } & BookActionSlots) {
  const [notice, setNotice] = useState('');
  const actions = actionsFor(book).filter(
    (a) =>
      !(buy && !book.is_free && a.variant !== 'ghost') &&
      !(library && (a.label === 'Add to library' || a.label === 'Read sample')),
  );

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        {buy && !book.is_free && buy}
        {library}
        {actions.map((action) => (
          <button
            key={action.label}
            type="button"
            aria-disabled="true"
            onClick={() => setNotice(action.notice)}
            className={buttonClasses(
              action.variant,
              cn('h-12 px-6 text-base', action.variant === 'ghost' && 'border border-line'),
            )}
          >
            {action.label}
          </button>
        ))}
        {wishlist ?? (
          <button
            type="button"
            aria-disabled="true"
            aria-label="Add to wishlist"
            title="Add to wishlist"
            onClick={() => setNotice('Wishlists open with accounts, soon.')}
            className="inline-flex size-12 items-center justify-center rounded-full border border-line text-ink-muted transition-colors hover:border-accent hover:text-accent"
          >
            <HeartIcon />
          </button>
        )}
      </div>
      <p role="status" className="min-h-5 text-sm text-ink-muted">
        {notice}
      </p>
    </div>
  );
}
