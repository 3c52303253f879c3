// Bookmarks and highlights in book order: jump to one, edit a highlight's note, delete, or
// export them all as Markdown.
import { type FormEvent, useState } from 'react';
import { formErrorMessage } from '@/lib/form-errors';
import { cn } from '@/utils/cn';
import { useDeleteAnnotation, useUpdateAnnotation } from '../api/annotations';
import { HIGHLIGHT_FILLS } from '../engines/epub-theme';
import { type Annotation } from '../schema';
import { BookmarkIcon, HighlightIcon, TrashIcon } from './icons';
import { ReaderPanel } from './reader-panel';

type NotesPanelProps = {
  bookId: string;
  annotations: Annotation[];
  compare: (a: string, b: string) => number;
  describe: (annotation: Annotation) => string;
  onSelect: (annotation: Annotation) => void;
  onExport: () => Promise<void>;
  onClose: () => void;
  /** A highlight to open for editing (tapped in the text). */
  focusId?: number | null;
};

function NoteEditor({
  bookId,
  annotation,
  onDone,
}: {
  bookId: string;
  annotation: Annotation;
  onDone: () => void;
}) {
  const [note, setNote] = useState(annotation.note ?? '');
  const update = useUpdateAnnotation(bookId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ id: annotation.id, note: note.trim() || null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="mt-2 flex flex-col gap-2">
      <label className="sr-only" htmlFor={`note-${annotation.id}`}>
        Note
      </label>
      <textarea
        id={`note-${annotation.id}`}
        rows={3}
        value={note}
        autoFocus
        onChange={(event) => setNote(event.target.value)}
        placeholder="Your note"
        className="w-full resize-y rounded-lg border border-[var(--reader-line)] bg-transparent px-3 py-2 text-sm outline-none focus:border-[var(--reader-accent)]"
      />
      {update.error && <p className="text-xs text-red-500">{formErrorMessage(update.error)}</p>}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={update.isPending}
          className="rounded-full bg-[var(--reader-accent)] px-3 py-1.5 text-xs font-semibold text-[var(--reader-panel)]"
        >
          {update.isPending ? 'Saving…' : 'Save note'}
        </button>
        <button
          type="button"
          onClick={onDone}
          className="rounded-full px-3 py-1.5 text-xs hover:bg-[var(--reader-hover)]"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

export function NotesPanel({
  bookId,
  annotations,
  compare,
  describe,
  onSelect,
  onExport,
  onClose,
  focusId = null,
}: NotesPanelProps) {
  const [editing, setEditing] = useState<number | null>(focusId);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const remove = useDeleteAnnotation(bookId);
  const sorted = [...annotations].sort((a, b) => compare(a.position, b.position));

  const exportNotes = () => {
    setExporting(true);
    setExportError(null);
    onExport()
      .catch((error: unknown) => setExportError(formErrorMessage(error)))
      .finally(() => setExporting(false));
  };

  return (
    <ReaderPanel
      title="Notes"
      onClose={onClose}
      actions={
        annotations.length > 0 && (
          <button
            type="button"
            onClick={exportNotes}
            disabled={exporting}
            className="rounded-full border border-[var(--reader-line)] px-3 py-1.5 text-xs font-medium hover:bg-[var(--reader-hover)]"
          >
            {exporting ? 'Exporting…' : 'Export Markdown'}
          </button>
        )
      }
    >
      {exportError && <p className="px-3 py-2 text-sm text-red-500">{exportError}</p>}
      {sorted.length === 0 ? (
        <div className="flex flex-col gap-2 p-3 text-sm text-[var(--reader-muted)]">
          <p>No bookmarks or highlights yet.</p>
          <p>
            Use the bookmark button to mark a page, or select text to highlight it and add a note.
          </p>
        </div>
      ) : (
        <ul aria-label="Bookmarks and highlights" className="flex flex-col gap-1">
          {sorted.map((annotation) => (
            <li
              key={annotation.id}
              data-testid={`annotation-${annotation.kind}`}
              className="group rounded-xl p-3 hover:bg-[var(--reader-hover)]"
            >
              <div className="flex items-start gap-3">
                <span
                  className="mt-0.5 text-[var(--reader-accent)]"
                  style={
                    annotation.kind === 'highlight'
                      ? { color: HIGHLIGHT_FILLS[annotation.color ?? 'yellow'] }
                      : undefined
                  }
                >
                  {annotation.kind === 'bookmark' ? <BookmarkIcon filled /> : <HighlightIcon />}
                </span>
                <button
                  type="button"
                  onClick={() => onSelect(annotation)}
                  className="min-w-0 flex-1 text-left"
                >
                  <span className="block text-xs text-[var(--reader-muted)]">
                    {annotation.kind === 'bookmark' ? 'Bookmark' : 'Highlight'} ·{' '}
                    {describe(annotation)}
                  </span>
                  {annotation.text && (
                    <span
                      className={cn(
                        'mt-1 line-clamp-4 block text-sm leading-snug',
                        annotation.kind === 'highlight' && 'font-display italic',
                      )}
                    >
                      {annotation.kind === 'highlight' ? `“${annotation.text}”` : annotation.text}
                    </span>
                  )}
                  {annotation.note && editing !== annotation.id && (
                    <span className="mt-1.5 block rounded-lg bg-[var(--reader-hover)] px-2.5 py-1.5 text-sm">
                      {annotation.note}
                    </span>
                  )}
                </button>
                <button
                  type="button"
                  aria-label={`Delete ${annotation.kind}`}
                  onClick={() => remove.mutate(annotation.id)}
                  className="inline-flex size-8 shrink-0 items-center justify-center rounded-full text-[var(--reader-muted)] hover:bg-[var(--reader-hover)] hover:text-red-500"
                >
                  <TrashIcon />
                </button>
              </div>
              {annotation.kind === 'highlight' &&
                (editing === annotation.id ? (
                  <NoteEditor
                    bookId={bookId}
                    annotation={annotation}
                    onDone={() => setEditing(null)}
                  />
                ) : (
                  <button
                    type="button"
                    onClick={() => setEditing(annotation.id)}
                    className="mt-1 ml-8 text-xs text-[var(--reader-accent)] hover:underline"
                  >
                    {annotation.note ? 'Edit note' : 'Add a note'}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </ReaderPanel>
  );
}
