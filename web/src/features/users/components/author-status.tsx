// The author part of the account page: the way to become one, or the profile you have.
import { Link } from '@tanstack/react-router';
import { buttonClasses } from '@/components/ui/button';
import type { User } from '@/lib/user-schema';
import { BecomeAuthorForm } from './become-author-form';

export function AuthorStatus({ user }: { user: User }) {
  if (user.author) {
    return (
      <div className="flex flex-col items-start gap-4">
        <p className="text-ink-muted">
          You publish as <strong className="font-medium text-ink">{user.author.name}</strong>.
          Readers find your books on your author page.
        </p>
        <Link
          to="/authors/$slug"
          params={{ slug: user.author.slug }}
          className={buttonClasses('secondary')}
        >
          View your author page
        </Link>
      </div>
    );
  }
  if (user.role !== 'reader') {
    return (
      <p className="text-ink-muted">
        Your {user.role} role already lets you manage books; you have no public author page.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <p className="text-ink-muted">
        Publish your own books on MANGU: upload a manuscript and a cover, set a price and watch your
        readers find them. Becoming an author creates your public author page.
      </p>
      <BecomeAuthorForm user={user} />
    </div>
  );
}
