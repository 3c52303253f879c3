// The header's cart link with the number of books in it. It also keeps the carts in step: a
// visitor's browser cart is merged into their account's cart when they sign in (use-cart-merge).
import { Link } from '@tanstack/react-router';
import { cn } from '@/utils/cn';
import { useCartContents } from '../hooks/use-cart-contents';
import { useCartMerge } from '../hooks/use-cart-merge';

function BagIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5">
      <path
        d="M5.5 8h13l-1 12.5h-11L5.5 8Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
      <path
        d="M9 10.5V7a3 3 0 0 1 6 0v3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function CartButton({ className }: { className?: string }) {
  useCartMerge();
  const { bookIds } = useCartContents();
  const count = bookIds.length;
  const label = count === 0 ? 'Cart, empty' : `Cart, ${count} book${count === 1 ? '' : 's'}`;

  return (
    <Link
      to="/cart"
      aria-label={label}
      title="Cart"
      data-testid="cart-button"
      className={cn(
        'relative inline-flex size-10 items-center justify-center rounded-full border border-line text-ink transition-colors hover:border-accent hover:text-accent',
        className,
      )}
      activeProps={{ 'aria-current': 'page', className: 'border-accent text-accent' }}
    >
      <BagIcon />
      {count > 0 && (
        <span
          aria-hidden="true"
          data-testid="cart-count"
          className="absolute -top-1 -right-1 inline-flex min-w-5 items-center justify-center rounded-full bg-accent px-1 text-[0.7rem] leading-5 font-semibold text-accent-ink tabular-nums"
        >
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
