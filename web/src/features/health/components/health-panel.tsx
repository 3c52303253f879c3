// Loads the health report and shows it, with loading and error states.
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError, NetworkError } from '@/lib/api-client';
import { useHealth } from '../api/get-health';
import { HealthReport } from './health-report';

function describe(error: Error): { title: string; body: string; requestId?: string | undefined } {
  if (error instanceof NetworkError) {
    return {
      title: 'Cannot reach the server',
      body: 'Check that mangu is running, then try again.',
    };
  }
  if (error instanceof ApiError) {
    return {
      title: 'The server answered with an error',
      body: error.message,
      requestId: error.requestId,
    };
  }
  return { title: 'Something went wrong', body: error.message };
}

function HealthError({
  error,
  onRetry,
  retrying,
}: {
  error: Error;
  onRetry: () => void;
  retrying: boolean;
}) {
  const { title, body, requestId } = describe(error);

  return (
    <div role="alert" className="flex flex-col items-start gap-3">
      <p className="font-medium text-negative">{title}</p>
      <p className="text-sm text-ink-muted">{body}</p>
      {requestId && (
        <p className="text-xs text-ink-muted">
          Request id <code className="font-mono">{requestId}</code>
        </p>
      )}
      <Button variant="secondary" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Checking…' : 'Try again'}
      </Button>
    </div>
  );
}

function HealthLoading() {
  return (
    <div aria-busy="true" className="flex flex-col gap-4">
      <span className="sr-only">Checking the server…</span>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-5 w-full" />
      <Skeleton className="h-5 w-5/6" />
    </div>
  );
}

function checkedAt(timestamp: number): string {
  return new Date(timestamp).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

export function HealthPanel() {
  const query = useHealth();
  const retry = () => void query.refetch();

  return (
    <Card aria-labelledby="health-heading" className="p-5 sm:p-7">
      <div className="mb-5 flex items-baseline justify-between gap-3">
        <h2 id="health-heading" className="font-display text-2xl text-ink">
          Server status
        </h2>
        {query.data && (
          <span className="text-xs text-ink-muted">Checked {checkedAt(query.dataUpdatedAt)}</span>
        )}
      </div>

      {query.data ? (
        <>
          <HealthReport health={query.data} />
          {query.error && (
            <p role="alert" className="mt-5 text-sm text-warning">
              The last check failed ({query.error.message}); this is the report from{' '}
              {checkedAt(query.dataUpdatedAt)}.
            </p>
          )}
        </>
      ) : query.error ? (
        <HealthError error={query.error} onRetry={retry} retrying={query.isFetching} />
      ) : (
        <HealthLoading />
      )}
    </Card>
  );
}
