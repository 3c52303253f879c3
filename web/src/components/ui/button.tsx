// Button in four looks; pass `className` for layout only.
import type { ButtonHTMLAttributes } from 'react';
import { cn } from '@/utils/cn';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const base =
  'inline-flex items-center justify-center gap-2 rounded-full text-sm font-medium transition-colors ' +
  'disabled:cursor-not-allowed disabled:opacity-60 min-h-10 px-4';

const variants: Record<Variant, string> = {
  primary: 'bg-accent text-accent-ink hover:bg-accent-strong',
  secondary: 'border border-line bg-surface-raised text-ink hover:border-accent',
  ghost: 'text-ink hover:bg-surface-raised',
  danger: 'bg-negative text-canvas hover:bg-negative/85',
};

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant };

export function buttonClasses(variant: Variant = 'primary', className?: string): string {
  return cn(base, variants[variant], className);
}

export function Button({ variant = 'primary', className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={buttonClasses(variant, className)} {...rest} />;
}
