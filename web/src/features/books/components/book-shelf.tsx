// A curated shelf (trending, new, top rated) loaded from its own route.
import { type ReactNode } from 'react';
import { QueryError } from '@/components/ui/query-error';
import { useBookShelf } from '../api/get-book-shelf';
import { type ShelfKind } from '../schema';
import { BookRow } from './book-row';

type BookShelfProps = { kind: ShelfKind; title: string; blurb?: string; action?: ReactNode };

export function BookShelf({ kind, title, blurb, action }: BookShelfProps) {
  const query = useBookShelf(kind);

  if (query.error) {
    return (
      <section className="flex flex-col gap-4">
        <h2 className="font-display text-2xl text-ink">{title}</h2>
        <QueryError
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </section>
    );
  }
  if (query.data && query.data.length === 0) return null;

  return (
    <BookRow
      title={title}
      blurb={blurb}
      action={action}
      books={query.data}
      data-testid={`shelf-${kind}`}
    />
  );
}
