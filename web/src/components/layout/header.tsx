// Site header: wordmark, search and theme toggle. Search drops to its own row on phones.
import { SearchBox } from '@/components/layout/search-box';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { Wordmark } from '@/components/layout/wordmark';

export function Header() {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-canvas/80 backdrop-blur-md">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:flex-nowrap sm:px-6">
        <Wordmark />
        <SearchBox className="order-last w-full sm:order-none sm:ml-auto sm:max-w-sm" />
        <div className="ml-auto flex items-center gap-2 sm:ml-0">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
