// The header's account corner: sign-in / sign-up links for visitors, and for a
// signed-in user a menu with their account, admin pages and sign-out.
import { Link, useLocation } from '@tanstack/react-router';
import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { buttonClasses } from '@/components/ui/button';
import { RoleBadge } from '@/components/ui/role-badge';
import { Skeleton } from '@/components/ui/skeleton';
import { useSession } from '@/hooks/use-session';
import type { User } from '@/lib/user-schema';
import { cn } from '@/utils/cn';

const NO_RETURN = [
  '/sign-in',
  '/sign-up',
  '/sign-out',
  '/verify-email',
  '/reset-password',
  '/forgot-password',
];

const itemClasses =
  'flex w-full items-center gap-2.5 rounded-lg px-3 py-2 text-sm text-ink transition-colors hover:bg-surface-raised focus-visible:bg-surface-raised';

function SignedOutLinks() {
  const { pathname, href } = useLocation();
  const search = NO_RETURN.includes(pathname) || pathname === '/' ? {} : { redirect: href };

  return (
    <div className="flex items-center gap-2">
      <Link
        to="/sign-in"
        search={search}
        className={buttonClasses('secondary', 'max-sm:size-10 max-sm:px-0')}
      >
        <PersonIcon />
        <span className="max-sm:sr-only">Sign in</span>
      </Link>
      <Link to="/sign-up" className={buttonClasses('primary', 'max-md:hidden')}>
        Create account
      </Link>
    </div>
  );
}

function PersonIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="size-5 sm:hidden">
      <circle cx="10" cy="7" r="3.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path
        d="M3.8 17a6.2 6.2 0 0 1 12.4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden="true"
      className={cn('size-3.5 transition-transform max-md:hidden', open && 'rotate-180')}
    >
      <path
        d="m4 6 4 4 4-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function MenuPanel({ id, user, close }: { id: string; user: User; close: () => void }) {
  return (
    <div
      id={id}
      className="absolute top-full right-0 z-30 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-2xl border border-line bg-surface p-2 shadow-[0_24px_60px_-20px_var(--shadow)]"
    >
      <div className="flex flex-col gap-1 border-b border-line px-3 pt-2 pb-3">
        <p className="truncate font-medium text-ink">{user.display_name}</p>
        <p className="truncate text-xs text-ink-muted">{user.email}</p>
        <div className="mt-1">
          <RoleBadge role={user.role} />
        </div>
      </div>
      <ul className="flex flex-col gap-0.5 pt-2">
        <li>
          <Link to="/account" onClick={close} className={itemClasses}>
            Your account
          </Link>
        </li>
        <li>
          <Link to="/library" onClick={close} className={itemClasses}>
            Your library
          </Link>
        </li>
        <li>
          <Link to="/wishlist" onClick={close} className={itemClasses}>
            Wishlist
          </Link>
        </li>
        <li>
          <Link to="/orders" onClick={close} className={itemClasses}>
            Your orders
          </Link>
        </li>
        {user.role === 'reader' && (
          <li>
            <Link to="/account" hash="author" onClick={close} className={itemClasses}>
              Become an author
            </Link>
          </li>
        )}
        {user.role !== 'reader' && (
          <li>
            <Link to="/publish" onClick={close} className={itemClasses}>
              Your books (Publish)
            </Link>
          </li>
        )}
        {user.role === 'admin' && (
          <>
            <li>
              <Link to="/admin/users" onClick={close} className={itemClasses}>
                Manage users
              </Link>
            </li>
            <li>
              <Link to="/admin/orders" onClick={close} className={itemClasses}>
                Orders
              </Link>
            </li>
            <li>
              <Link to="/admin/coupons" onClick={close} className={itemClasses}>
                Coupons
              </Link>
            </li>
          </>
        )}
        <li className="mt-1 border-t border-line pt-1">
          <Link to="/sign-out" onClick={close} className={itemClasses}>
            Sign out
          </Link>
        </li>
      </ul>
    </div>
  );
}

function UserMenu({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();

  // Close when the page changes.
  const [shownPath, setShownPath] = useState(pathname);
  if (pathname !== shownPath) {
    setShownPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      buttonRef.current?.focus();
    }
  };
  const onBlur = (event: FocusEvent) => {
    if (!wrapperRef.current?.contains(event.relatedTarget)) setOpen(false);
  };

  return (
    <div ref={wrapperRef} className="relative" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account menu for ${user.display_name}`}
        onClick={() => setOpen((shown) => !shown)}
        className="inline-flex h-10 items-center gap-2 rounded-full border border-line p-1 text-sm text-ink transition-colors hover:border-accent md:pr-3"
      >
        <Avatar name={user.display_name} size="sm" />
        <span className="max-w-32 truncate max-md:hidden">{user.display_name}</span>
        <Chevron open={open} />
      </button>
      {open && <MenuPanel id={menuId} user={user} close={() => setOpen(false)} />}
    </div>
  );
}

export function AccountMenu() {
  const { status, user } = useSession();

  if (status === 'unknown') return <Skeleton className="size-10 rounded-full" />;
  if (status === 'signed-in' && user) return <UserMenu user={user} />;
  return <SignedOutLinks />;
}
