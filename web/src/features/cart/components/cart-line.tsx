// One book in the cart: cover, title, authors, the price the server gives it (and the coupon's
// share), and a Remove button. Books that can no longer be bought say why.
import { Link } from '@tanstack/react-router';
import { BookCover } from '@/components/catalog/book-cover';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { joinNames } from '@/utils/catalog-format';
import { cn } from '@/utils/cn';
import { formatMoney } from '@/utils/money';

export type CartLineData = {
  id: number;
  slug: string;
  title: string;
  authors: string[];
  coverUrl: string | null | undefined;
  priceCents: number;
  currency: string;
  discountCents: number;
  available: boolean;
  unavailableReason?: string | null | undefined;
};

const reasons: Record<string, string> = {
  owned: 'Already in your library',
  not_for_sale: 'No longer for sale',
};

export function CartLine({
  line,
  removing,
  onRemove,
}: {
  line: CartLineData;
  removing: boolean;
  onRemove: () => void;
}) {
  const paid = line.priceCents - line.discountCents;

  return (
    <li
      data-testid="cart-line"
      className={cn('flex gap-4 py-5 sm:gap-5', !line.available && 'opacity-75')}
    >
      <Link to="/books/$slug" params={{ slug: line.slug }} className="shrink-0" tabIndex={-1}>
        <BookCover
          src={line.coverUrl}
          title={line.title}
          author={joinNames(line.authors)}
          alt=""
          className="w-16 sm:w-20"
        />
      </Link>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <Link
              to="/books/$slug"
              params={{ slug: line.slug }}
              className="font-display text-lg leading-snug text-ink hover:text-accent"
            >
              {line.title}
            </Link>
            {line.authors.length > 0 && (
              <p className="truncate text-sm text-ink-muted">{joinNames(line.authors)}</p>
            )}
          </div>
          <div className="shrink-0 text-right tabular-nums" data-testid="cart-line-price">
            {line.available && line.discountCents > 0 ? (
              <>
                <p className="font-semibold text-ink">{formatMoney(paid, line.currency)}</p>
                <p className="text-xs text-ink-muted line-through">
                  {formatMoney(line.priceCents, line.currency)}
                </p>
              </>
            ) : (
              <p className={cn('font-semibold', line.available ? 'text-ink' : 'text-ink-muted')}>
                {formatMoney(line.priceCents, line.currency)}
              </p>
            )}
          </div>
        </div>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2">
          {line.available ? (
            <span />
          ) : (
            <Badge tone="warning">
              {reasons[line.unavailableReason ?? ''] ?? 'Not available'} · not in the total
            </Badge>
          )}
          <Button
            variant="ghost"
            className="min-h-8 px-3 text-ink-muted hover:text-negative"
            disabled={removing}
            onClick={onRemove}
            aria-label={`Remove ${line.title} from the cart`}
          >
            {removing ? 'Removing…' : 'Remove'}
          </Button>
        </div>
      </div>
    </li>
  );
}
