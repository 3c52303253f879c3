// Site header: wordmark, search, theme toggle and the account menu. Search drops to its own row on phones.
import type { ReactNode } from 'react';
import { AccountMenu } from '@/components/layout/account-menu';
import { MainNav } from '@/components/layout/main-nav';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { Wordmark } from '@/components/layout/wordmark';

/**
 * `search` is the catalog's search field (features/search) and `actions` the links beside the
 * account menu (Publish, the cart), handed down by the root route.
 */
export function Header({ search, actions }: { search?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-canvas/80 backdrop-blur-md">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:flex-nowrap sm:px-6">
        <Wordmark />
        <MainNav className="hidden lg:flex" />
        <div className="order-last w-full sm:order-none sm:ml-auto sm:w-auto sm:max-w-sm sm:min-w-0 sm:flex-1">
          {search}
        </div>
        <div className="ml-auto flex shrink-0 items-center gap-2 sm:ml-0">
          <ThemeToggle />
          {actions}
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
