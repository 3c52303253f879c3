// An author as a portrait and name; the card links to their page.
import { Link } from '@tanstack/react-router';
import { AuthorAvatar } from '@/components/catalog/author-avatar';
import { cn } from '@/utils/cn';
import { type Author } from '../schema';

export function AuthorCard({ author, className }: { author: Author; className?: string }) {
  return (
    <Link
      to="/authors/$slug"
      params={{ slug: author.slug }}
      data-testid="author-card"
      className={cn('group flex flex-col items-center gap-3 rounded-xl p-2 text-center', className)}
    >
      <AuthorAvatar
        name={author.name}
        src={author.photo_url}
        className="w-full max-w-32 text-3xl transition-transform duration-300 group-hover:scale-[1.04] group-hover:ring-2 group-hover:ring-accent"
      />
      <span className="flex flex-col gap-0.5">
        <span className="text-sm font-semibold text-ink group-hover:text-accent">
          {author.name}
        </span>
        <span className="text-xs text-ink-muted">
          {author.book_count} {author.book_count === 1 ? 'book' : 'books'}
        </span>
      </span>
    </Link>
  );
}

export function AuthorCardSkeleton() {
  return (
    <div aria-hidden="true" className="flex flex-col items-center gap-3 p-2">
      <div className="aspect-square w-full max-w-32 animate-pulse rounded-full bg-surface-raised" />
      <div className="h-4 w-24 animate-pulse rounded bg-surface-raised" />
    </div>
  );
}
