// "Continue reading" for the home page: the signed-in reader's unfinished books, most recent
// first. Renders nothing for visitors, or when there is nothing to continue.
import { Link } from '@tanstack/react-router';
import { ShelfItem, ShelfRow } from '@/components/catalog/shelf-row';
import { useSession } from '@/hooks/use-session';
import { useContinueReading } from '../api/get-continue-reading';
import { LibraryCard } from './library-card';

export function ContinueReadingRow() {
  const { status } = useSession();
  const query = useContinueReading({ enabled: status === 'signed-in' });

  if (status !== 'signed-in' || !query.data || query.data.items.length === 0) return null;

  return (
    <ShelfRow
      title="Continue reading"
      blurb="Pick up where you left off, on any device"
      data-testid="shelf-continue"
      action={
        <Link
          to="/library"
          className="mr-2 text-sm font-medium text-accent hover:underline"
          aria-label="Open your library"
        >
          Your library
        </Link>
      }
    >
      {query.data.items.map((entry, i) => (
        <ShelfItem key={entry.book.id}>
          <LibraryCard entry={entry} eager={i < 4} />
        </ShelfItem>
      ))}
    </ShelfRow>
  );
}
