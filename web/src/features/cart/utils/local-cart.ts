// The cart of a visitor who is not signed in, kept in localStorage. It holds book ids (what the
// server merges at sign-in, POST /api/cart/merge) and a copy of what the book page showed, so the
// cart page can list them. The copied price is only shown as the book page showed it; the server
// prices the cart once it is merged. Tabs follow each other through the "storage" event.
import { z } from 'zod';

export const LOCAL_CART_KEY = 'mangu-cart';
/** The server's merge takes at most 100 ids. */
export const LOCAL_CART_MAX = 100;

const localCartEntrySchema = z.object({
  book_id: z.number().int().positive(),
  slug: z.string(),
  title: z.string(),
  authors: z.array(z.string()).default([]),
  cover_url: z.string().nullish(),
  price_cents: z.number().int().nonnegative(),
  currency: z.string(),
  added_at: z.string(),
});

export type LocalCartEntry = z.infer<typeof localCartEntrySchema>;

const EMPTY: readonly LocalCartEntry[] = Object.freeze([]);
let cache: readonly LocalCartEntry[] | null = null;
const listeners = new Set<() => void>();

function read(): readonly LocalCartEntry[] {
  if (typeof window === 'undefined') return EMPTY;
  try {
    const raw = window.localStorage.getItem(LOCAL_CART_KEY);
    if (!raw) return EMPTY;
    const parsed = z.array(z.unknown()).safeParse(JSON.parse(raw));
    if (!parsed.success) return EMPTY;
    // Keep the entries that still read well; one bad entry does not empty the cart.
    const entries = parsed.data.flatMap((item) => {
      const entry = localCartEntrySchema.safeParse(item);
      return entry.success ? [entry.data] : [];
    });
    return entries.length > 0 ? entries : EMPTY;
  } catch {
    return EMPTY;
  }
}

function write(entries: readonly LocalCartEntry[]): void {
  cache = entries.length > 0 ? entries : EMPTY;
  try {
    if (entries.length > 0) window.localStorage.setItem(LOCAL_CART_KEY, JSON.stringify(entries));
    else window.localStorage.removeItem(LOCAL_CART_KEY);
  } catch {
    /* storage full or blocked: the cart lives in memory for this page */
  }
  for (const listener of listeners) listener();
}

export function getLocalCart(): readonly LocalCartEntry[] {
  cache ??= read();
  return cache;
}

export function subscribeLocalCart(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Adds a book (once); false when the cart is full. */
export function addToLocalCart(entry: Omit<LocalCartEntry, 'added_at'>): boolean {
  const entries = getLocalCart();
  if (entries.some((e) => e.book_id === entry.book_id)) return true;
  if (entries.length >= LOCAL_CART_MAX) return false;
  write([...entries, { ...entry, added_at: new Date().toISOString() }]);
  return true;
}

export function removeFromLocalCart(bookId: number): void {
  write(getLocalCart().filter((e) => e.book_id !== bookId));
}

/** Removes the given books (the ones a merge took). */
export function dropFromLocalCart(bookIds: readonly number[]): void {
  const gone = new Set(bookIds);
  write(getLocalCart().filter((e) => !gone.has(e.book_id)));
}

export function clearLocalCart(): void {
  write(EMPTY);
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== LOCAL_CART_KEY && event.key !== null) return;
    cache = read();
    for (const listener of listeners) listener();
  });
}

/** Tests only: forget the cached copy so the next read sees localStorage afresh. */
export function resetLocalCartForTests(): void {
  cache = null;
}
