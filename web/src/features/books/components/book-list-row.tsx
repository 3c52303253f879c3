// A shelf filled from the browse list (e.g. free books), for rows without a route of their own.
import { type ReactNode } from 'react';
import { useBooks } from '../api/list-books';
import { type BrowseSearch } from '../schema';
import { BookRow } from './book-row';

type BookListRowProps = {
  title: string;
  blurb?: string;
  action?: ReactNode;
  filter: BrowseSearch;
  'data-testid'?: string;
};

export function BookListRow({ title, blurb, action, filter, ...rest }: BookListRowProps) {
  const query = useBooks(filter, 16);
  if (query.error || (query.data && query.data.items.length === 0)) return null;

  return (
    <BookRow
      title={title}
      blurb={blurb}
      action={action}
      books={query.data?.items}
      data-testid={rest['data-testid']}
    />
  );
}
