// How an upload is going: a real progress bar while the bytes travel (XHR upload progress), a
// busy bar while the server checks the file, and the server's reasons when it refuses it.
import { cn } from '@/utils/cn';
import type { UploadState } from '../hooks/use-upload';
import { formatBytes } from '../utils/xhr-upload';

const phaseText: Record<UploadState['phase'], string> = {
  idle: '',
  preparing: 'Getting ready…',
  uploading: 'Uploading',
  checking: 'Checking the file…',
  done: 'Uploaded and checked',
  failed: 'Not uploaded',
};

export function UploadProgress({
  state,
  label,
  onCancel,
}: {
  state: UploadState;
  /** Names the bar: "Manuscript upload". */
  label: string;
  onCancel?: () => void;
}) {
  if (state.phase === 'idle') return null;
  const percent =
    state.total > 0 ? Math.min(100, Math.round((state.loaded / state.total) * 100)) : 0;
  const busy = state.phase === 'preparing' || state.phase === 'checking';
  const failed = state.phase === 'failed';

  return (
    <div
      className="flex flex-col gap-2"
      data-testid={`${label.toLowerCase().replace(/\s+/g, '-')}-progress`}
    >
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="min-w-0 truncate font-medium text-ink" title={state.fileName}>
          {state.fileName}
        </span>
        <span
          className={cn('shrink-0 tabular-nums', failed ? 'text-negative' : 'text-ink-muted')}
          aria-hidden="true"
        >
          {state.phase === 'uploading' ? `${percent}%` : phaseText[state.phase]}
        </span>
      </div>
      {!failed && (
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={busy ? undefined : state.phase === 'done' ? 100 : percent}
          aria-valuetext={
            state.phase === 'uploading'
              ? `${percent}%, ${formatBytes(state.loaded)} of ${formatBytes(state.total)}`
              : phaseText[state.phase]
          }
          className="relative h-2 overflow-hidden rounded-full bg-surface-raised"
        >
          <div
            className={cn(
              'h-full rounded-full transition-[width] duration-200',
              state.phase === 'done' ? 'bg-positive' : 'bg-accent',
              busy && 'animate-pulse',
            )}
            style={{ width: `${busy ? 100 : state.phase === 'done' ? 100 : percent}%` }}
          />
        </div>
      )}
      <div className="flex items-center justify-between gap-3 text-xs text-ink-muted">
        <span role="status" aria-live="polite">
          {state.phase === 'uploading' ? (
            `${formatBytes(state.loaded)} of ${formatBytes(state.total)}`
          ) : (
            <span className="sr-only">{failed ? '' : phaseText[state.phase]}</span>
          )}
        </span>
        {onCancel && (state.phase === 'uploading' || state.phase === 'preparing') && (
          <button
            type="button"
            onClick={onCancel}
            className="font-medium text-ink-muted hover:text-negative"
          >
            Cancel
          </button>
        )}
      </div>
      {failed && (
        <div
          role="alert"
          className="rounded-xl border border-negative/40 bg-negative/10 px-3.5 py-3 text-sm text-ink"
        >
          <p>{state.error}</p>
          {state.reasons.length > 0 && (
            <ul className="mt-1.5 list-disc pl-5 text-ink-muted" data-testid="upload-reasons">
              {state.reasons.map((reason) => (
                <li key={`${reason.code}-${reason.message}`}>{reason.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
