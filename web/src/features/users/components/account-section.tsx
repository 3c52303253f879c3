// One titled block of the account page.
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { cn } from '@/utils/cn';

type AccountSectionProps = {
  id: string;
  title: string;
  description?: string;
  tone?: 'default' | 'danger';
  children: ReactNode;
};

export function AccountSection({
  id,
  title,
  description,
  tone = 'default',
  children,
}: AccountSectionProps) {
  return (
    <Card
      id={id}
      aria-labelledby={`${id}-heading`}
      className={cn('scroll-mt-24 p-5 sm:p-7', tone === 'danger' && 'border-negative/40')}
    >
      <div className="mb-5 flex flex-col gap-1">
        <h2
          id={`${id}-heading`}
          className={cn('font-display text-2xl', tone === 'danger' ? 'text-negative' : 'text-ink')}
        >
          {title}
        </h2>
        {description && <p className="text-sm text-ink-muted">{description}</p>}
      </div>
      {children}
    </Card>
  );
}
