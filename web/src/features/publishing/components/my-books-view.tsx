// "Your books": every book the author is credited on, drafts and published, with views, sales
// and revenue as the server counts them, and a way into each one's editor.
import { Link } from '@tanstack/react-router';
import { BookCover } from '@/components/catalog/book-cover';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { formatMoney } from '@/utils/money';
import { useMyBooks } from '../api/list-my-books';
import type { MyBook, MyBooksPage } from '../schema';

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-2xl border border-line bg-surface/70 px-5 py-4">
      <dt className="text-xs font-semibold tracking-[0.15em] text-ink-muted uppercase">{label}</dt>
      <dd className="font-display text-3xl text-ink tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Revenue per currency, as the server reported it per book: "$12.00 · €4.00". */
function revenueText(items: MyBook[]): string {
  const byCurrency = new Map<string, number>();
  for (const item of items)
    byCurrency.set(item.currency, (byCurrency.get(item.currency) ?? 0) + item.revenue_cents);
  if (byCurrency.size === 0) return formatMoney(0, 'USD');
  return [...byCurrency].map(([currency, cents]) => formatMoney(cents, currency)).join(' · ');
}

function Summary({ page }: { page: MyBooksPage }) {
  const items = page.items;
  const published = items.filter((i) => i.book.status === 'published').length;
  const views = items.reduce((n, i) => n + i.views, 0);
  const sales = items.reduce((n, i) => n + i.purchases, 0);
  // Only this page's books are counted: with more pages, the figures say so.
  const paged = page.total > items.length;
  const onPage = paged ? ' on this page' : '';
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Stat label="Books" value={`${page.total}`} />
      <Stat label={`Published${onPage}`} value={`${published}`} />
      <Stat label={`Views${onPage}`} value={views.toLocaleString()} />
      <Stat
        label={`${sales === 1 ? 'Sale' : 'Sales'}${onPage}`}
        value={sales.toLocaleString()}
        testId="total-sales"
      />
      <div className="col-span-2 lg:col-span-4">
        <p className="text-sm text-ink-muted">
          Revenue{onPage}:{' '}
          <span className="font-medium text-ink">{revenueText(items)}</span>, net of refunds.
        </p>
      </div>
    </dl>
  );
}

function BookRow({ item }: { item: MyBook }) {
  const { book } = item;
  const published = book.status === 'published';
  return (
    <li
      data-testid="my-book-row"
      className="grid grid-cols-[3.5rem_1fr] gap-x-4 gap-y-3 rounded-2xl border border-line bg-surface/70 p-4 sm:grid-cols-[3.5rem_1fr_auto] sm:items-center"
    >
      <BookCover
        // A draft's generated cover is not public (404 to the page); the stand-in shows instead.
        src={published || book.cover_url?.startsWith('/static/') ? book.cover_url : null}
        title={book.title}
        alt=""
        className="row-span-2 w-14 sm:row-span-1"
      />
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            to="/publish/books/$bookId"
            params={{ bookId: String(book.id) }}
            className="font-display text-lg leading-snug text-ink hover:text-accent"
          >
            {book.title}
          </Link>
          <Badge tone={published ? 'positive' : 'neutral'}>
            {published ? 'Published' : 'Draft'}
          </Badge>
        </div>
        <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-muted tabular-nums">
          <span>{item.views.toLocaleString()} views</span>
          <span>
            {item.purchases.toLocaleString()} {item.purchases === 1 ? 'sale' : 'sales'}
          </span>
          <span>{formatMoney(item.revenue_cents, item.currency)} revenue</span>
          <span>{formatMoney(book.price_cents, book.currency)} each</span>
        </p>
      </div>
      <div className="col-start-2 flex gap-2 sm:col-start-auto">
        {published && (
          <Link
            to="/books/$slug"
            params={{ slug: book.slug }}
            className={buttonClasses('ghost', 'min-h-9')}
          >
            View
          </Link>
        )}
        <Link
          to="/publish/books/$bookId"
          params={{ bookId: String(book.id) }}
          className={buttonClasses('secondary', 'min-h-9')}
          aria-label={`Edit ${book.title}`}
        >
          Edit
        </Link>
      </div>
    </li>
  );
}

export function MyBooksView({ page }: { page: number }) {
  const books = useMyBooks(page);

  if (books.error && !books.data) {
    return (
      <QueryError
        title="Your books could not be loaded"
        error={books.error}
        onRetry={() => void books.refetch()}
        retrying={books.isFetching}
      />
    );
  }
  if (!books.data) {
    return (
      <div aria-busy="true" className="flex flex-col gap-4">
        <span className="sr-only">Loading your books…</span>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-24 rounded-2xl" />
          ))}
        </div>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-24 rounded-2xl" />
        ))}
      </div>
    );
  }
  if (books.data.total === 0) {
    return (
      <div className="flex flex-col items-center gap-4 rounded-2xl border border-dashed border-line px-6 py-16 text-center">
        <p className="font-display text-2xl text-ink">Your shelf is empty</p>
        <p className="max-w-md text-sm text-ink-muted">
          Start a book: drop in your EPUB and the title, language and description fill themselves
          in. Add a cover and a price, then publish.
        </p>
        <Link
          to="/publish/books/$bookId"
          params={{ bookId: 'new' }}
          className={buttonClasses('primary', 'mt-2')}
        >
          Start a new book
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-8">
      <Summary page={books.data} />
      <ul className="flex flex-col gap-3">
        {books.data.items.map((item) => (
          <BookRow key={item.book.id} item={item} />
        ))}
      </ul>
      <Pagination
        total={books.data.total}
        limit={books.data.limit}
        offset={books.data.offset}
        label="Book list pages"
      />
    </div>
  );
}
