// Opens a book for reading: checks it is mine (or that a sample is asked for), downloads its
// bytes with the session's token, reads the saved position and notes, then hands everything to
// the reader surface. Shows download progress while the file comes in.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { ApiError } from '@/lib/api-client';
import { formErrorMessage } from '@/lib/form-errors';
import { useAnnotations } from '../api/annotations';
import { type ContentSource, getBookContent, sniffKind } from '../api/get-book-content';
import { NotOwnedError, readerBookQueryOptions } from '../api/get-reader-book';
import { progressQueryOptions } from '../api/progress';
import { currentDevice } from '../utils/device';
import { ReaderSurface } from './reader-surface';

function Screen({ children }: { children: ReactNode }) {
  return (
    <div
      data-testid="reader-screen"
      className="fixed inset-0 z-50 flex flex-col items-center justify-center gap-4 bg-canvas px-6 text-center text-ink"
    >
      {children}
    </div>
  );
}

function Problem({ title, children, slug }: { title: string; children: ReactNode; slug: string }) {
  return (
    <Screen>
      <h1 className="font-display text-3xl">{title}</h1>
      <div className="max-w-md text-sm text-ink-muted">{children}</div>
      <div className="flex flex-wrap justify-center gap-3">
        <Link to="/books/$slug" params={{ slug }} className={buttonClasses('primary')}>
          Go to the book&rsquo;s page
        </Link>
        <Link to="/library" className={buttonClasses('secondary')}>
          Your library
        </Link>
      </div>
    </Screen>
  );
}

export function Reader({ bookId, source }: { bookId: string; source: ContentSource }) {
  const owned = source === 'owned';
  const [device] = useState(currentDevice);
  const [downloaded, setDownloaded] = useState(0);

  const book = useQuery(readerBookQueryOptions(bookId, source));
  const content = useQuery({
    queryKey: ['reader', 'content', bookId, source],
    queryFn: ({ signal }) => getBookContent(bookId, source, { signal, onProgress: setDownloaded }),
    enabled: book.isSuccess,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const progress = useQuery({
    ...progressQueryOptions(bookId),
    enabled: owned && book.isSuccess,
    retry: false,
  });
  const annotations = useAnnotations(bookId, { enabled: owned && book.isSuccess });

  if (book.error instanceof NotOwnedError) {
    return (
      <Problem title="Not in your library" slug={book.data?.slug ?? bookId}>
        Only books you bought or added for free can be read in full. The book&rsquo;s page may have
        a free sample.
      </Problem>
    );
  }
  const failure = book.error ?? content.error;
  if (failure) {
    const missing = failure instanceof ApiError && failure.status === 404;
    return (
      <Problem
        title={
          missing ? (owned ? 'Nothing to read yet' : 'No sample') : 'This book could not be opened'
        }
        slug={book.data?.slug ?? bookId}
      >
        {missing
          ? owned
            ? 'This book has no readable file yet. The publisher may still be uploading it.'
            : 'This book has no free sample.'
          : formErrorMessage(failure)}
      </Problem>
    );
  }

  const kind = content.data ? sniffKind(content.data) : null;
  if (content.data && !kind) {
    return (
      <Problem title="Unsupported file" slug={book.data?.slug ?? bookId}>
        This file is neither an EPUB nor a PDF, so it cannot be opened in the browser.
      </Problem>
    );
  }

  const waitingForPosition = owned && (progress.isPending || annotations.isPending);
  if (!book.data || !content.data || !kind || waitingForPosition) {
    const percent = Math.round(downloaded * 100);
    return (
      <Screen>
        <span className="size-9 animate-spin rounded-full border-2 border-line border-t-accent" />
        <p role="status" className="text-sm text-ink-muted">
          {book.data ? `Opening ${book.data.title}…` : 'Opening your book…'}
          {downloaded > 0 && downloaded < 1 ? ` ${percent}%` : ''}
        </p>
        {downloaded > 0 && downloaded < 1 && (
          <div className="h-1 w-48 overflow-hidden rounded-full bg-line">
            <div className="h-full bg-accent" style={{ width: `${percent}%` }} />
          </div>
        )}
      </Screen>
    );
  }

  return (
    <ReaderSurface
      bookId={bookId}
      book={book.data}
      kind={kind}
      data={content.data}
      source={source}
      device={device}
      server={progress.data ?? null}
      annotations={annotations.data ?? []}
    />
  );
}
