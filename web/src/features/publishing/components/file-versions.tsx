// Every file uploaded for a book, newest first: which is current for each kind, which were
// replaced, which were refused. Replacing a manuscript keeps the old one in use until the new
// one passes its checks, so a failed upload never breaks a published book.
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Skeleton } from '@/components/ui/skeleton';
import { useBookFiles } from '../api/book-files';
import type { BookFile } from '../schema';
import { formatBytes } from '../utils/xhr-upload';

const kinds: Record<BookFile['kind'], string> = {
  manuscript: 'Manuscript',
  cover: 'Cover',
  sample: 'Sample',
};

const statuses: Record<BookFile['status'], { label: string; tone: BadgeTone }> = {
  ready: { label: 'Current', tone: 'positive' },
  superseded: { label: 'Replaced', tone: 'neutral' },
  failed: { label: 'Refused', tone: 'negative' },
  pending: { label: 'Not finished', tone: 'warning' },
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function dateOf(file: BookFile): string {
  const iso = file.completed_at || file.created_at;
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : when.format(date);
}

export function FileVersions({ bookId }: { bookId: number }) {
  const files = useBookFiles(bookId);

  if (!files.data) {
    return files.error ? (
      <p role="alert" className="text-sm text-negative">
        The file list could not be loaded.
      </p>
    ) : (
      <Skeleton className="h-24 w-full rounded-xl" />
    );
  }
  if (files.data.length === 0) {
    return (
      <p className="text-sm text-ink-muted">
        Nothing uploaded yet. Files you upload are listed here with their versions.
      </p>
    );
  }
  return (
    <ul className="flex flex-col divide-y divide-line" data-testid="file-versions">
      {files.data.map((file) => {
        const status = statuses[file.status];
        return (
          <li key={file.id} className="flex items-start justify-between gap-3 py-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium text-ink">
                {kinds[file.kind]}{' '}
                <span className="font-normal text-ink-muted">v{file.version}</span>
              </p>
              <p
                className="truncate text-xs text-ink-muted"
                title={file.original_name ?? undefined}
              >
                {file.original_name ?? 'Unnamed file'} · {formatBytes(file.size)}
              </p>
              <p className="text-xs text-ink-muted">{dateOf(file)}</p>
            </div>
            <Badge tone={status.tone} className="mt-0.5 shrink-0">
              {status.label}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
