// A book cover at 2:3, lazy-loaded, with a typeset stand-in when there is no image or it fails.
import { useState } from 'react';
import { cn } from '@/utils/cn';

type BookCoverProps = {
  src: string | null | undefined;
  title: string;
  author?: string | undefined;
  className?: string;
  /** Above-the-fold covers (the hero, a book's own page) load at once. */
  eager?: boolean;
  /** Alt text; pass '' when the title is already read out beside the cover. */
  alt?: string;
  sizes?: string;
};

function CoverStandIn({ title, author }: { title: string; author?: string | undefined }) {
  return (
    <div className="flex size-full flex-col items-center justify-between bg-linear-to-br from-[#3b2a1a] via-[#1f1a17] to-[#0d0c0b] p-[9%] text-center text-[#f1dfc0]">
      <span className="mt-[12%] font-display text-[clamp(0.75rem,4cqw+0.4rem,1.6rem)] leading-tight text-balance uppercase tracking-wider">
        {title}
      </span>
      {author && (
        <span className="text-[clamp(0.5rem,2cqw+0.3rem,0.8rem)] tracking-[0.2em] uppercase opacity-80">
          {author}
        </span>
      )}
    </div>
  );
}

export function BookCover({ src, title, author, className, eager, alt, sizes }: BookCoverProps) {
  const [failed, setFailed] = useState(false);
  const label = alt ?? `Cover of ${title}`;

  return (
    <div
      className={cn(
        '@container relative aspect-2/3 overflow-hidden rounded-md bg-surface-raised shadow-[0_18px_40px_-18px_var(--shadow)] ring-1 ring-black/10 dark:ring-white/10',
        className,
      )}
    >
      {src && !failed ? (
        <img
          src={src}
          alt={label}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          sizes={sizes}
          onError={() => setFailed(true)}
          className="size-full object-cover"
        />
      ) : (
        <div role={label ? 'img' : undefined} aria-label={label || undefined} className="size-full">
          <CoverStandIn title={title} author={author} />
        </div>
      )}
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-y-0 left-0 w-[5%] bg-linear-to-r from-black/25 to-transparent"
      />
    </div>
  );
}
