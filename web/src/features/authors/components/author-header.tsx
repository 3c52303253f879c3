// The top of an author page: portrait, name, number of books and biography.
import { AuthorAvatar } from '@/components/catalog/author-avatar';
import { Skeleton } from '@/components/ui/skeleton';
import { type AuthorDetail } from '../schema';

export function AuthorHeader({ author }: { author: AuthorDetail }) {
  const count = author.book_count || author.books.length;
  const bio = author.bio?.trim();

  return (
    <header className="flex flex-col items-center gap-6 text-center sm:flex-row sm:items-start sm:gap-10 sm:text-left">
      <AuthorAvatar
        name={author.name}
        src={author.photo_url}
        className="w-36 text-5xl shadow-[0_30px_60px_-24px_var(--shadow)] sm:w-44"
      />
      <div className="flex min-w-0 flex-col gap-3">
        <p className="text-xs font-semibold tracking-[0.3em] text-accent uppercase">Author</p>
        <h1 className="font-display text-4xl text-ink sm:text-5xl">{author.name}</h1>
        <p className="text-sm text-ink-muted">
          {count} {count === 1 ? 'book' : 'books'} on MANGU
        </p>
        {bio && (
          <div className="mt-2 flex max-w-prose flex-col gap-3 text-left text-[1.05rem] leading-relaxed text-pretty text-ink/90">
            {bio.split(/\n\s*\n/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        )}
      </div>
    </header>
  );
}

export function AuthorHeaderSkeleton() {
  return (
    <div aria-busy="true" className="flex flex-col items-center gap-6 sm:flex-row sm:items-start">
      <span className="sr-only">Loading the author…</span>
      <Skeleton className="size-36 rounded-full sm:size-44" />
      <div className="flex w-full flex-col items-center gap-3 sm:items-start">
        <Skeleton className="h-3 w-20" />
        <Skeleton className="h-12 w-64" />
        <Skeleton className="h-4 w-32" />
        <Skeleton className="h-4 w-full max-w-prose" />
        <Skeleton className="h-4 w-4/5 max-w-prose" />
      </div>
    </div>
  );
}
