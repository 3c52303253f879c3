// The book page's buy buttons (features/cart), hidden for a book the reader owns already: the
// library's "Read now" (features/library) takes their place. Composed here because features
// do not import each other.
import type { BuyableBook } from '@/features/cart/components/buy-buttons';
import { useLibraryEntry } from '@/features/library/api/get-library-entry';
import { useSession } from '@/hooks/use-session';
import { lazyNamed } from '@/utils/lazy-named';

const BuyButtons = lazyNamed(() => import('@/features/cart/components/buy-buttons'), 'BuyButtons');

export function BookBuyButtons({ book }: { book: BuyableBook }) {
  const { status } = useSession();
  const signedIn = status === 'signed-in';
  const entry = useLibraryEntry(book.id, { enabled: signedIn });

  if (signedIn && entry.data) return null;
  return <BuyButtons book={book} />;
}
