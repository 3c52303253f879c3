// A book's price, or "Free" in the accent colour.
import { type Priced, formatPrice } from '@/utils/money';
import { cn } from '@/utils/cn';

export function PriceTag({ item, className }: { item: Priced; className?: string }) {
  const free = item.is_free || item.price_cents === 0;

  return (
    <span
      data-testid="price"
      className={cn('font-semibold tabular-nums', free ? 'text-positive' : 'text-ink', className)}
    >
      {formatPrice(item)}
    </span>
  );
}
