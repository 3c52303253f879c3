// The three upload cards of the book editor: manuscript, cover (with its preview) and sample.
// Each shows the current file and a drop zone for a new version.
import { type ReactNode } from 'react';
import { BookCover } from '@/components/catalog/book-cover';
import { Card } from '@/components/ui/card';
import { cn } from '@/utils/cn';
import type { UploadState } from '../hooks/use-upload';
import type { BookFile, EpubMetadata } from '../schema';
import { formatBytes } from '../utils/xhr-upload';
import { UploadDropZone } from './upload-drop-zone';

type Upload = { state: UploadState; start: (file: File) => void; cancel: () => void };

export function EditorCard({
  title,
  description,
  children,
  className,
  testId,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <Card className={cn('flex flex-col gap-4 p-5 sm:p-6', className)} data-testid={testId}>
      <div>
        <h2 className="font-display text-xl text-ink">{title}</h2>
        {description && <p className="mt-1 text-sm text-ink-muted">{description}</p>}
      </div>
      {children}
    </Card>
  );
}

function CurrentFile({ file, empty }: { file: BookFile | undefined; empty: string }) {
  if (!file) return <p className="text-sm text-ink-muted">{empty}</p>;
  return (
    <div className="flex items-center gap-3 rounded-xl border border-line bg-surface-raised/40 px-3.5 py-3 text-sm">
      <span
        aria-hidden="true"
        className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent/15 text-[0.65rem] font-bold text-accent uppercase"
      >
        {file.content_type.includes('pdf')
          ? 'PDF'
          : file.content_type.includes('epub')
            ? 'EPUB'
            : 'FILE'}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-ink" title={file.original_name ?? undefined}>
          {file.original_name ?? 'Uploaded file'}
        </p>
        <p className="text-xs text-ink-muted">
          Version {file.version} · {formatBytes(file.size)}
        </p>
      </div>
    </div>
  );
}

export function ManuscriptCard({
  upload,
  current,
  metadata,
}: {
  upload: Upload;
  current: BookFile | undefined;
  metadata: EpubMetadata | null;
}) {
  const creators = metadata?.creators.filter((c) => !c.contributor).map((c) => c.name) ?? [];
  return (
    <EditorCard
      title="Manuscript"
      testId="manuscript-card"
      description="The book readers download. An EPUB's title, language and description fill the form for you."
    >
      <CurrentFile file={current} empty="No manuscript yet." />
      {metadata && creators.length > 0 && (
        <p className="text-xs text-ink-muted">
          The file credits {creators.join(', ')}. The store credits the book to your author profile.
        </p>
      )}
      <UploadDropZone
        kind="manuscript"
        label="Manuscript"
        prompt={current ? 'Drop a new version here' : 'Drop your EPUB or PDF here'}
        state={upload.state}
        onFile={upload.start}
        onCancel={upload.cancel}
      />
      {current && (
        <p className="text-xs text-ink-muted">
          Readers keep getting version {current.version} until a new one passes its checks.
        </p>
      )}
    </EditorCard>
  );
}

export function CoverCard({
  upload,
  coverUrl,
  previewUrl,
  title,
  author,
  hasCover,
  published,
}: {
  upload: Upload;
  coverUrl: string | null | undefined;
  /** The image being uploaded (an object URL), shown until the store's thumbnail replaces it. */
  previewUrl: string | null;
  title: string;
  author: string;
  hasCover: boolean;
  /** A published book's generated cover is public; a draft's is not served to the page. */
  published: boolean;
}) {
  const preview = previewUrl;
  return (
    <EditorCard
      title="Cover"
      testId="cover-card"
      description="Shown in the store at 2:3; at least 1200 px tall looks sharp."
    >
      <div className="flex gap-4">
        <div className="w-28 shrink-0 sm:w-32" data-testid="cover-preview">
          <BookCover
            key={preview ?? coverUrl ?? 'none'}
            src={preview ?? (hasCover || published ? coverUrl : null)}
            title={title || 'Untitled'}
            author={author}
            eager
            alt={
              preview
                ? 'Preview of the new cover'
                : hasCover
                  ? `Cover of ${title || 'Untitled'}`
                  : 'Generated cover'
            }
          />
        </div>
        <UploadDropZone
          kind="cover"
          label="Cover"
          prompt={hasCover ? 'Drop a new cover here' : 'Drop a cover image here'}
          state={upload.state}
          onFile={upload.start}
          onCancel={upload.cancel}
          className="min-w-0 flex-1"
        />
      </div>
      {!hasCover && !preview && (
        <p className="text-xs text-ink-muted">
          Until you upload one, the store shows a cover it sets from the title.
        </p>
      )}
    </EditorCard>
  );
}

export function SampleCard({ upload, current }: { upload: Upload; current: BookFile | undefined }) {
  return (
    <EditorCard
      title="Free sample"
      testId="sample-card"
      description="An excerpt anyone can read from the book's page before buying. Optional."
    >
      <CurrentFile file={current} empty="No sample: readers see only the description." />
      <UploadDropZone
        kind="sample"
        label="Sample"
        prompt={current ? 'Drop a new sample here' : 'Drop an excerpt here'}
        state={upload.state}
        onFile={upload.start}
        onCancel={upload.cancel}
      />
    </EditorCard>
  );
}
