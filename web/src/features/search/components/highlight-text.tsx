// Text with the matched parts in <mark>. Segments come from the server (or matchSegments) and are
// rendered as React text, so markup in a title or snippet is shown, never interpreted.
import { cn } from '@/utils/cn';
import { type Segment } from '../schema';

export function HighlightText({
  segments,
  fallback,
  className,
}: {
  segments: Segment[] | undefined;
  /** Plain text shown when there are no segments. */
  fallback?: string;
  className?: string;
}) {
  if (!segments || segments.length === 0) return <span className={className}>{fallback}</span>;

  return (
    <span className={className}>
      {segments.map((segment, i) =>
        segment.match ? (
          <mark
            key={i}
            className="rounded-[3px] bg-accent/25 px-[1px] text-inherit underline decoration-accent/70 decoration-2 underline-offset-2"
          >
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </span>
  );
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Splits `text` around case- and accent-insensitive occurrences of `query` (the typeahead's). */
export function matchSegments(text: string, query: string): Segment[] {
  const needle = fold(query.trim());
  // Folding can change the length of a string; only highlight when it does not.
  const hay = fold(text);
  if (!needle || hay.length !== text.length) return [{ text, match: false }];
  const out: Segment[] = [];
  let at = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, at)) {
    if (i > at) out.push({ text: text.slice(at, i), match: false });
    out.push({ text: text.slice(i, i + needle.length), match: true });
    at = i + needle.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

export function HighlightQuery({
  text,
  query,
  className,
}: {
  text: string;
  query: string;
  className?: string;
}) {
  return <HighlightText segments={matchSegments(text, query)} className={cn(className)} />;
}
