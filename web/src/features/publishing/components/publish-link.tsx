// The header's "Publish" link, for authors and admins: their books and the way to add one. Phones
// have no room for it in the header; the account menu has the same link.
import { Link } from '@tanstack/react-router';
import { useSession } from '@/hooks/use-session';
import { cn } from '@/utils/cn';

export function PublishLink({ className }: { className?: string }) {
  const { user } = useSession();
  if (!user || (user.role !== 'author' && user.role !== 'admin')) return null;

  return (
    <Link
      to="/publish"
      title="Publish"
      data-testid="publish-link"
      className={cn(
        'inline-flex h-10 items-center gap-2 rounded-full border border-line px-3 text-sm font-medium text-ink transition-colors hover:border-accent hover:text-accent max-sm:hidden',
        className,
      )}
      activeProps={{ 'aria-current': 'page', className: 'border-accent text-accent' }}
    >
      <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4.5">
        <path
          d="M13.6 3.4a1.9 1.9 0 0 1 2.7 2.7L7.5 14.9l-3.6.9.9-3.6 8.8-8.8Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
      </svg>
      <span className="max-md:sr-only">Publish</span>
    </Link>
  );
}
