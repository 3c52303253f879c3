// A thin bar filled to how far the reader is, with the percentage read out.
import { cn } from '@/utils/cn';

export function progressLabel(progress: number, started: boolean): string {
  if (!started) return 'Not started';
  if (progress >= 0.995) return 'Finished';
  return `${Math.max(1, Math.round(progress * 100))}% read`;
}

export function ReadingProgress({
  progress,
  started,
  className,
}: {
  progress: number;
  started: boolean;
  className?: string;
}) {
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const label = progressLabel(progress, started);

  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={label}
        className="h-1 overflow-hidden rounded-full bg-ink-muted/20"
      >
        <div
          className="h-full rounded-full bg-accent transition-[width] duration-500"
          style={{ width: `${started ? Math.max(percent, 2) : 0}%` }}
        />
      </div>
      <span className="text-xs text-ink-muted tabular-nums">{label}</span>
    </div>
  );
}
