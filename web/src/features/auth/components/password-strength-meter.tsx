// Four bars and a word that follow the password as it is typed.
import { cn } from '@/utils/cn';
import type { Strength } from '../utils/password-strength';

const barTones = ['bg-line', 'bg-negative', 'bg-warning', 'bg-accent', 'bg-positive'] as const;
const textTones = [
  'text-ink-muted',
  'text-negative',
  'text-warning',
  'text-accent',
  'text-positive',
] as const;

export function PasswordStrengthMeter({ id, strength }: { id: string; strength: Strength }) {
  const { score, label, hint } = strength;

  return (
    <div id={id} className="flex flex-col gap-1.5">
      <div
        role="meter"
        aria-label="Password strength"
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={label || 'empty'}
        className="grid grid-cols-4 gap-1.5"
      >
        {[1, 2, 3, 4].map((step) => (
          <span
            key={step}
            className={cn(
              'h-1.5 rounded-full transition-colors',
              score >= step ? barTones[score] : 'bg-surface-raised',
            )}
          />
        ))}
      </div>
      <p className="flex flex-wrap justify-between gap-x-3 text-xs">
        <span aria-live="polite" className={cn('font-medium', textTones[score])}>
          {label}
        </span>
        <span className="text-ink-muted">{hint}</span>
      </p>
    </div>
  );
}
