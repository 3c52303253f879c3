// What the publishing pages show to someone who cannot publish yet: readers, and accounts with
// the author role but no author profile (books are credited to a profile).
import { Link } from '@tanstack/react-router';
import { buttonClasses } from '@/components/ui/button';
import type { User } from '@/lib/user-schema';

export function canPublish(user: User | null): boolean {
  return Boolean(user && (user.role === 'author' || user.role === 'admin') && user.author);
}

export function PublishGate({ user }: { user: User | null }) {
  const reader = !user || user.role === 'reader';
  return (
    <section className="mx-auto flex max-w-xl flex-col items-center gap-4 py-10 text-center">
      <p className="text-xs font-semibold tracking-[0.3em] text-accent uppercase">Publish</p>
      <h1 className="font-display text-4xl text-ink">
        {reader ? 'Publish your books here' : 'Create your author profile'}
      </h1>
      <p className="text-ink-muted">
        {reader
          ? 'Become an author to upload your manuscripts, set prices and watch your sales. It takes a minute, from your account page.'
          : 'Your books are credited to your author profile, the page readers see. Create it from your account page, then come back here.'}
      </p>
      <Link to="/account" hash="author" className={buttonClasses('primary', 'mt-2')}>
        {reader ? 'Become an author' : 'Create your author profile'}
      </Link>
    </section>
  );
}
