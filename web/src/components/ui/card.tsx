// A raised panel on the page canvas.
import type { HTMLAttributes } from 'react';
import { cn } from '@/utils/cn';

export function Card({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return (
    <section
      className={cn(
        'rounded-2xl border border-line bg-surface/80 shadow-[0_24px_60px_-30px_var(--shadow)] backdrop-blur',
        className,
      )}
      {...rest}
    />
  );
}
