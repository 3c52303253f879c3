// The frame of the sign-in, sign-up and password pages: a heading over a card.
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';

type AuthCardProps = {
  eyebrow?: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
};

export function AuthCard({ eyebrow, title, description, children, footer }: AuthCardProps) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6">
      <div className="flex flex-col gap-2 text-center">
        {eyebrow && (
          <p className="text-xs font-semibold tracking-[0.3em] text-accent uppercase">{eyebrow}</p>
        )}
        <h1 className="font-display text-3xl text-balance text-ink sm:text-4xl">{title}</h1>
        {description && <p className="text-pretty text-ink-muted">{description}</p>}
      </div>
      <Card className="p-5 sm:p-7">{children}</Card>
      {footer && <div className="text-center text-sm text-ink-muted">{footer}</div>}
    </div>
  );
}
