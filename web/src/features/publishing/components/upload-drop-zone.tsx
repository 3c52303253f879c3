// A drop target for one kind of file, with a "choose a file" button for keyboards and phones.
// Dropping or choosing starts the upload at once; its progress shows underneath.
import { type DragEvent, type ReactNode, useId, useRef, useState } from 'react';
import { cn } from '@/utils/cn';
import type { UploadState } from '../hooks/use-upload';
import { type FileKind, uploadRules } from '../schema';
import { UploadProgress } from './upload-progress';

type UploadDropZoneProps = {
  kind: FileKind;
  /** "Manuscript", "Cover", "Sample". */
  label: string;
  prompt: string;
  state: UploadState;
  onFile: (file: File) => void;
  onCancel: () => void;
  disabled?: boolean;
  /** Shown above the zone: the current file, a preview. */
  children?: ReactNode;
  className?: string;
};

function UploadIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6">
      <path
        d="M12 15V4m0 0-4 4m4-4 4 4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path
        d="M4.5 14.5v3a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2v-3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function UploadDropZone({
  kind,
  label,
  prompt,
  state,
  onFile,
  onCancel,
  disabled = false,
  children,
  className,
}: UploadDropZoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  const busy =
    state.phase === 'preparing' || state.phase === 'uploading' || state.phase === 'checking';
  const off = disabled || busy;

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (off) return;
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <div className={cn('flex flex-col gap-3', className)}>
      {children}
      <div
        data-testid={`${kind}-drop-zone`}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = off ? 'none' : 'copy';
          if (!off) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={cn(
          'flex flex-col items-center gap-2 rounded-xl border-2 border-dashed px-4 py-6 text-center transition-colors',
          over ? 'border-accent bg-accent/10' : 'border-line bg-surface-raised/30',
          off && 'opacity-70',
        )}
      >
        <span className={cn('text-ink-muted', over && 'text-accent')}>
          <UploadIcon />
        </span>
        <p className="text-sm text-ink">
          {prompt}, or{' '}
          <button
            type="button"
            disabled={off}
            onClick={() => inputRef.current?.click()}
            className="font-medium text-accent underline-offset-4 hover:underline disabled:no-underline"
            aria-describedby={hintId}
          >
            choose a file
          </button>
        </p>
        <p id={hintId} className="text-xs text-ink-muted">
          {uploadRules[kind].what}
        </p>
        <input
          ref={inputRef}
          type="file"
          accept={uploadRules[kind].accept}
          aria-label={`${label} file`}
          className="sr-only"
          tabIndex={-1}
          disabled={off}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </div>
      <UploadProgress state={state} label={`${label} upload`} onCancel={onCancel} />
    </div>
  );
}
