// A horizontal shelf of book cards (trending, new releases, related books, an author's books).
import { type ReactNode } from 'react';
import { ShelfItem, ShelfRow } from '@/components/catalog/shelf-row';
import { type BookSummary } from '@/lib/catalog-schema';
import { BookCard, BookCardSkeleton } from './book-card';

type BookRowProps = {
  title: string;
  blurb?: string;
  action?: ReactNode;
  books: BookSummary[] | undefined;
  'data-testid'?: string;
};

export function BookRow({ title, blurb, action, books, ...rest }: BookRowProps) {
  return (
    <ShelfRow title={title} blurb={blurb} action={action} data-testid={rest['data-testid']}>
      {books
        ? books.map((book) => (
            <ShelfItem key={book.id}>
              <BookCard book={book} />
            </ShelfItem>
          ))
        : Array.from({ length: 7 }, (_, i) => (
            <ShelfItem key={i}>
              <BookCardSkeleton />
            </ShelfItem>
          ))}
    </ShelfRow>
  );
}
