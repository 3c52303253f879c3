// What a section shows when its data failed to load: a short reason and a retry button.
import { Button } from '@/components/ui/button';
import { ApiError, NetworkError } from '@/lib/api-client';
import { cn } from '@/utils/cn';

function reason(error: Error): string {
  if (error instanceof NetworkError)
    return 'The store could not be reached. Check your connection.';
  if (error instanceof ApiError && error.status >= 500) return 'The store had a problem answering.';
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong.';
}

type QueryErrorProps = {
  error: Error;
  onRetry?: () => void;
  retrying?: boolean;
  title?: string;
  className?: string;
};

export function QueryError({ error, onRetry, retrying, title, className }: QueryErrorProps) {
  return (
    <div
      role="alert"
      className={cn(
        'flex flex-col items-start gap-3 rounded-xl border border-line bg-surface/60 p-5 text-sm',
        className,
      )}
    >
      <p className="font-medium text-ink">{title ?? 'This could not be loaded'}</p>
      <p className="text-ink-muted">{reason(error)}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Trying…' : 'Try again'}
        </Button>
      )}
    </div>
  );
}
