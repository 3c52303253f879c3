// What an admin page shows to a signed-in user without the admin role.
import { Link } from '@tanstack/react-router';
import { buttonClasses } from '@/components/ui/button';

export function AdminOnly({ children }: { children: string }) {
  return (
    <section className="mx-auto flex max-w-xl flex-col items-center gap-4 py-10 text-center">
      <p aria-hidden="true" className="font-display text-7xl leading-none text-accent/80">
        403
      </p>
      <h1 className="font-display text-3xl text-ink">Admins only</h1>
      <p className="text-ink-muted">{children}</p>
      <Link to="/" className={buttonClasses('primary', 'mt-2')}>
        Back to the store
      </Link>
    </section>
  );
}
