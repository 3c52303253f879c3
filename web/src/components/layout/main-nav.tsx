// The store's sections: browse, genres, authors (and the reader's library once signed in). In the
// header on wide screens, in the footer always.
import { Link } from '@tanstack/react-router';
import { useSession } from '@/hooks/use-session';
import { cn } from '@/utils/cn';

export const storeSections = [
  { to: '/books', label: 'Browse' },
  { to: '/categories', label: 'Genres' },
  { to: '/authors', label: 'Authors' },
] as const;

const linkClasses =
  'rounded-full px-3 py-2 text-sm font-medium text-ink-muted transition-colors hover:text-ink';

export function MainNav({ className }: { className?: string }) {
  const { status } = useSession();
  return (
    <nav aria-label="Store" className={cn('items-center gap-1', className)}>
      {storeSections.map((section) => (
        <Link
          key={section.to}
          to={section.to}
          className={linkClasses}
          activeProps={{ className: 'text-ink', 'aria-current': 'page' }}
        >
          {section.label}
        </Link>
      ))}
      {status === 'signed-in' && (
        <Link
          to="/library"
          className={linkClasses}
          activeProps={{ className: 'text-ink', 'aria-current': 'page' }}
        >
          Library
        </Link>
      )}
    </nav>
  );
}
