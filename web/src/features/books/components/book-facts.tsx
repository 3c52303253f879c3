// The details table of a book page: publisher, dates, language, format, pages, ISBN.
import { Link } from '@tanstack/react-router';
import { type ReactNode } from 'react';
import { formatBookFormat, formatDate, formatLanguage } from '@/utils/catalog-format';
import { type BookDetail } from '../schema';

/** Hyphenation inside an ISBN depends on the publisher; only the GS1 prefix is split off. */
function formatIsbn(isbn: string): string {
  const digits = isbn.replace(/[^0-9Xx]/g, '');
  return digits.length === 13 ? `${digits.slice(0, 3)}-${digits.slice(3)}` : isbn;
}

export function BookFacts({ book }: { book: BookDetail }) {
  const rows: Array<[string, ReactNode]> = [];
  if (book.publisher) {
    rows.push([
      'Publisher',
      <Link
        key="publisher"
        to="/books"
        search={{ publisher: book.publisher.slug }}
        className="underline-offset-4 hover:text-accent hover:underline"
      >
        {book.publisher.name}
      </Link>,
    ]);
  }
  rows.push(['Published', formatDate(book.published_at)]);
  rows.push(['Language', formatLanguage(book.language)]);
  rows.push(['Format', formatBookFormat(book.format)]);
  if (book.page_count) rows.push(['Pages', book.page_count.toLocaleString()]);
  if (book.isbn)
    rows.push([
      'ISBN',
      <span key="isbn" className="font-mono text-[0.95em]">
        {formatIsbn(book.isbn)}
      </span>,
    ]);

  return (
    <section aria-labelledby="book-facts-heading" className="flex flex-col gap-4">
      <h2 id="book-facts-heading" className="font-display text-2xl text-ink">
        Details
      </h2>
      <dl className="divide-y divide-line rounded-xl border border-line bg-surface/60 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="flex justify-between gap-4 px-4 py-3">
            <dt className="text-ink-muted">{term}</dt>
            <dd className="text-right font-medium text-ink">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
