// "Add to cart" and "Buy now" for a book page. Signed in, they use the server cart; a visitor's
// choices go to the browser's cart, which joins their account's cart when they sign in.
// "Buy now" checks out at once when this book is all the cart holds, and otherwise opens the
// cart so the reader sees what they are about to pay for.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { useSession } from '@/hooks/use-session';
import { ApiError } from '@/lib/api-client';
import { formErrorMessage } from '@/lib/form-errors';
import { cn } from '@/utils/cn';
import { useAddCartItem } from '../api/update-cart';
import { useStartCheckout } from '../api/start-checkout';
import { useCartContents } from '../hooks/use-cart-contents';
import { addToLocalCart } from '../utils/local-cart';

export type BuyableBook = {
  id: number;
  slug: string;
  title: string;
  authors: ReadonlyArray<{ name: string }>;
  cover_url?: string | null | undefined;
  price_cents: number;
  currency: string;
};

type Notice = { tone: 'info' | 'error'; text: string; owned?: boolean };

const big = 'h-12 px-6 text-base';

function isOwned(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && /own/i.test(error.message);
}

export function BuyButtons({ book }: { book: BuyableBook }) {
  const { status } = useSession();
  const navigate = useNavigate();
  const contents = useCartContents();
  const add = useAddCartItem();
  const checkout = useStartCheckout();
  const [notice, setNotice] = useState<Notice | null>(null);
  const inCart = contents.bookIds.includes(book.id);
  const busy = add.isPending || checkout.isPending || contents.source === 'unknown';

  const addLocally = (): boolean => {
    const ok = addToLocalCart({
      book_id: book.id,
      slug: book.slug,
      title: book.title,
      authors: book.authors.map((a) => a.name),
      cover_url: book.cover_url ?? null,
      price_cents: book.price_cents,
      currency: book.currency,
    });
    if (!ok) setNotice({ tone: 'error', text: 'Your cart is full (100 books). Check out first.' });
    return ok;
  };

  const fail = (error: unknown) => {
    if (isOwned(error)) {
      setNotice({ tone: 'info', text: 'You already own this book.', owned: true });
      return;
    }
    setNotice({ tone: 'error', text: formErrorMessage(error) ?? 'Something went wrong.' });
  };

  /**
   * Puts the book in the cart. Resolves to the number of books the cart then holds (0 for the
   * browser's cart), or null when it could not.
   */
  const ensureInCart = async (): Promise<number | null> => {
    if (status !== 'signed-in') return addLocally() ? 0 : null;
    if (inCart) return contents.bookIds.length;
    const cart = await add.mutateAsync(book.id);
    return cart.items.length;
  };

  const onAdd = async () => {
    setNotice(null);
    try {
      if ((await ensureInCart()) === null) return;
      setNotice({
        tone: 'info',
        text:
          status === 'signed-in'
            ? 'Added to your cart.'
            : 'Added to your cart. Sign in when you are ready to pay.',
      });
    } catch (error) {
      fail(error);
    }
  };

  const onBuyNow = async () => {
    setNotice(null);
    try {
      const count = await ensureInCart();
      if (count === null) return;
      if (status !== 'signed-in') {
        void navigate({ to: '/sign-in', search: { redirect: '/cart' } });
      } else if (count === 1) {
        checkout.mutate(undefined, { onError: fail });
      } else {
        void navigate({ to: '/cart' });
      }
    } catch (error) {
      fail(error);
    }
  };

  // A fragment: the buttons join the book page's row of actions; the message takes a line of its
  // own at the end of that (wrapping) row.
  return (
    <>
      {inCart ? (
        <Link to="/cart" className={buttonClasses('primary', big)} data-testid="view-cart">
          In your cart · View cart
        </Link>
      ) : (
        <Button className={big} disabled={busy} onClick={() => void onAdd()}>
          {add.isPending ? 'Adding…' : 'Add to cart'}
        </Button>
      )}
      <Button variant="secondary" className={big} disabled={busy} onClick={() => void onBuyNow()}>
        {checkout.isPending || checkout.isSuccess ? 'Going to payment…' : 'Buy now'}
      </Button>
      <p
        role={notice?.tone === 'error' ? 'alert' : 'status'}
        data-testid="buy-notice"
        className={cn(
          'order-last basis-full text-sm empty:hidden',
          notice?.tone === 'error' ? 'text-negative' : 'text-ink-muted',
        )}
      >
        {notice?.text}
        {notice?.owned && (
          <>
            {' '}
            <Link to="/library" className="font-medium text-accent hover:underline">
              Open your library
            </Link>
          </>
        )}
      </p>
    </>
  );
}
