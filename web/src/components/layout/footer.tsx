// Site footer: the store's sections, the status page and the copyright.
import { Link } from '@tanstack/react-router';
import { storeSections } from '@/components/layout/main-nav';

export function Footer() {
  const year = new Date().getFullYear();

  return (
    <footer className="border-t border-line">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-ink-muted md:flex-row md:items-center md:justify-between md:gap-6 sm:px-6">
        <p>
          <span className="font-display tracking-[0.2em] text-ink">MANGU</span> Publishing · a
          bookstore you can host yourself
        </p>
        <nav aria-label="Footer" className="flex flex-wrap gap-x-5 gap-y-2">
          {storeSections.map((section) => (
            <Link key={section.to} to={section.to} className="hover:text-ink">
              {section.label}
            </Link>
          ))}
          <Link to="/status" className="hover:text-ink">
            Status
          </Link>
        </nav>
        <p>© {year} MANGU Publishing</p>
      </div>
    </footer>
  );
}
