// "About this book": the description as paragraphs, folded after a few lines when it is long.
import { useId, useState } from 'react';

const FOLD_AT = 600;

export function BookDescription({ text }: { text: string | null | undefined }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const body = text?.trim();
  const long = (body?.length ?? 0) > FOLD_AT;
  const paragraphs = body ? body.split(/\n\s*\n/) : [];

  return (
    <section aria-labelledby="book-about-heading" className="flex flex-col gap-4">
      <h2 id="book-about-heading" className="font-display text-2xl text-ink">
        About this book
      </h2>
      {paragraphs.length === 0 ? (
        <p className="text-ink-muted">The publisher has not written a description yet.</p>
      ) : (
        <div
          id={bodyId}
          className={
            long && !open
              ? 'relative max-h-56 overflow-hidden after:absolute after:inset-x-0 after:bottom-0 after:h-16 after:bg-linear-to-t after:from-canvas'
              : ''
          }
        >
          <div className="flex max-w-prose flex-col gap-4 text-[1.05rem] leading-relaxed text-pretty text-ink/90">
            {paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </div>
      )}
      {long && (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((v) => !v)}
          className="self-start text-sm font-medium text-accent hover:underline"
        >
          {open ? 'Show less' : 'Read more'}
        </button>
      )}
    </section>
  );
}
