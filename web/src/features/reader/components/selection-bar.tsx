// Shown while text is selected in the book: pick a colour to highlight it, optionally with a
// note. Sits at the bottom so it never hides the phone's own selection handles.
import { type FormEvent, useState } from 'react';
import { HIGHLIGHT_FILLS } from '../engines/epub-theme';
import { type HighlightColor, highlightColors } from '../schema';

type SelectionBarProps = {
  text: string;
  pending: boolean;
  error: string | null;
  onHighlight: (color: HighlightColor, note: string) => void;
  onCancel: () => void;
};

export function SelectionBar({ text, pending, error, onHighlight, onCancel }: SelectionBarProps) {
  const [color, setColor] = useState<HighlightColor>('yellow');
  const [note, setNote] = useState('');
  const [withNote, setWithNote] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onHighlight(color, note.trim());
  };

  return (
    <form
      onSubmit={submit}
      aria-label="Highlight the selected text"
      data-testid="selection-bar"
      className="absolute inset-x-2 bottom-20 z-30 mx-auto flex max-w-xl flex-col gap-3 rounded-2xl border border-[var(--reader-line)] bg-[var(--reader-panel)] p-3 text-[var(--reader-text)] shadow-[0_20px_50px_-15px_rgba(0,0,0,0.55)]"
    >
      <p className="line-clamp-2 font-display text-sm italic text-[var(--reader-muted)]">
        “{text}”
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <div role="radiogroup" aria-label="Highlight colour" className="flex gap-1.5">
          {highlightColors.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={color === c}
              aria-label={c}
              onClick={() => setColor(c)}
              className="size-7 rounded-full border-2 transition-transform aria-checked:scale-110 aria-checked:border-[var(--reader-text)]"
              style={{
                background: HIGHLIGHT_FILLS[c],
                borderColor: color === c ? undefined : 'transparent',
              }}
            />
          ))}
        </div>
        <button
          type="button"
          onClick={() => setWithNote((v) => !v)}
          aria-expanded={withNote}
          className="rounded-full px-3 py-1.5 text-sm hover:bg-[var(--reader-hover)]"
        >
          {withNote ? 'No note' : 'Add note'}
        </button>
        <div className="ml-auto flex gap-2">
          <button
            type="button"
            onClick={onCancel}
            className="rounded-full px-3 py-1.5 text-sm hover:bg-[var(--reader-hover)]"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={pending}
            className="rounded-full bg-[var(--reader-accent)] px-4 py-1.5 text-sm font-semibold text-[var(--reader-panel)] disabled:opacity-60"
          >
            {pending ? 'Saving…' : 'Highlight'}
          </button>
        </div>
      </div>
      {withNote && (
        <textarea
          rows={2}
          autoFocus
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-label="Note"
          placeholder="Your note"
          className="w-full resize-y rounded-lg border border-[var(--reader-line)] bg-transparent px-3 py-2 text-sm outline-none focus:border-[var(--reader-accent)]"
        />
      )}
      {error && (
        <p role="alert" className="text-sm text-red-500">
          {error}
        </p>
      )}
    </form>
  );
}
