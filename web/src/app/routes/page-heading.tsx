// The eyebrow, title and lead paragraph at the top of a page (commerce and publishing pages).
import type { ReactNode } from 'react';

export function PageHeading({
  eyebrow,
  title,
  children,
  actions,
}: {
  eyebrow?: string;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="flex min-w-0 flex-col gap-2">
        {eyebrow && (
          <p className="text-xs font-semibold tracking-[0.3em] text-accent uppercase">{eyebrow}</p>
        )}
        <h1 className="font-display text-4xl text-ink">{title}</h1>
        {children && <div className="max-w-prose text-ink-muted">{children}</div>}
      </div>
      {actions && <div className="flex flex-wrap gap-3">{actions}</div>}
    </div>
  );
}
