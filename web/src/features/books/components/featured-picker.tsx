// The small covers under the hero that switch which featured book it shows.
import { type BookSummary } from '@/lib/catalog-schema';
import { cn } from '@/utils/cn';

type FeaturedPickerProps = {
  books: BookSummary[];
  active: number;
  onPick: (index: number) => void;
};

export function FeaturedPicker({ books, active, onPick }: FeaturedPickerProps) {
  return (
    <div role="group" aria-label="Featured books" className="flex flex-wrap gap-2.5">
      {books.map((book, i) => (
        <button
          key={book.id}
          type="button"
          onClick={() => onPick(i)}
          aria-pressed={i === active}
          aria-label={`Show ${book.title}`}
          className={cn(
            'relative h-14 w-10 overflow-hidden rounded-sm ring-1 transition sm:h-16 sm:w-11',
            i === active
              ? 'opacity-100 ring-2 ring-accent'
              : 'opacity-60 ring-line hover:opacity-90',
          )}
        >
          {book.cover_url ? (
            <img src={book.cover_url} alt="" className="size-full object-cover" loading="lazy" />
          ) : (
            <span className="block size-full bg-surface-raised" />
          )}
        </button>
      ))}
    </div>
  );
}
