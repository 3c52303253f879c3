// The book page's reading buttons: "Read now" for a book in my library, "Add to library" for a
// free one (claims it, then offers to read), and "Read sample" for everyone else when the book
// has one (the book's JSON says so in `has_sample`). Paid books that are not mine show only the
// sample link: buying is the cart's job.
import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { Button, buttonClasses } from '@/components/ui/button';
import { useSession } from '@/hooks/use-session';
import { formErrorMessage } from '@/lib/form-errors';
import { cn } from '@/utils/cn';
import { useClaimBook } from '../api/claim-book';
import { useLibraryEntry } from '../api/get-library-entry';

type LibraryActionsProps = {
  book: { id: number; title: string; is_free: boolean; has_sample?: boolean };
  /** Offer "Read sample" (default: when the book has one; false: never). */
  sample?: boolean;
  className?: string;
};

const big = 'h-12 px-6 text-base';

function SampleLink({ bookId }: { bookId: number }) {
  return (
    <Link
      to="/read/$bookId"
      params={{ bookId: String(bookId) }}
      search={{ sample: true }}
      className={buttonClasses('ghost', cn(big, 'border border-line'))}
    >
      Read sample
    </Link>
  );
}

export function LibraryActions({
  book,
  sample = book.has_sample ?? false,
  className,
}: LibraryActionsProps) {
  const { status } = useSession();
  const signedIn = status === 'signed-in';
  const entry = useLibraryEntry(book.id, { enabled: signedIn });
  const claim = useClaimBook();
  const navigate = useNavigate();
  const { href } = useLocation();
  const owned = signedIn && Boolean(entry.data);

  let main = null;
  if (owned) {
    const started = Boolean(entry.data?.position);
    main = (
      <Link
        to="/read/$bookId"
        params={{ bookId: String(book.id) }}
        className={buttonClasses('primary', big)}
        data-testid="read-now"
      >
        {started ? 'Continue reading' : 'Read now'}
      </Link>
    );
  } else if (book.is_free && status === 'signed-out') {
    main = (
      <Link to="/sign-in" search={{ redirect: href }} className={buttonClasses('primary', big)}>
        Sign in to read free
      </Link>
    );
  } else if (book.is_free && signedIn && entry.data === null) {
    main = (
      <Button
        className={big}
        disabled={claim.isPending}
        onClick={() =>
          claim.mutate(book.id, {
            onSuccess: () =>
              void navigate({ to: '/read/$bookId', params: { bookId: String(book.id) } }),
          })
        }
      >
        {claim.isPending ? 'Adding…' : 'Add to library'}
      </Button>
    );
  }

  return (
    <div className={cn('flex flex-col gap-2', className)}>
      <div className="flex flex-wrap items-center gap-3">
        {main}
        {owned && <span className="text-sm text-ink-muted">In your library</span>}
        {!owned && sample && <SampleLink bookId={book.id} />}
      </div>
      {claim.error && (
        <p role="alert" className="text-sm text-negative">
          {formErrorMessage(claim.error)}
        </p>
      )}
    </div>
  );
}
