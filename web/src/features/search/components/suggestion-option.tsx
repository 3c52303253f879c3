// One row of the typeahead's list: a book (cover, title, author) or an author.
import { cn } from '@/utils/cn';
import { type Suggestion } from '../schema';
import { HighlightQuery } from './highlight-text';

type SuggestionOptionProps = {
  id: string;
  suggestion: Suggestion;
  query: string;
  active: boolean;
  onPick: () => void;
  onHover: () => void;
};

function PersonIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4">
      <circle cx="10" cy="7" r="3.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M3.5 17a6.5 6.5 0 0 1 13 0" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

export const optionClasses = (active: boolean) =>
  cn(
    'flex cursor-pointer items-center gap-3 rounded-lg px-3 py-2 text-sm',
    active ? 'bg-accent/15 text-ink' : 'text-ink',
  );

export function SuggestionOption({
  id,
  suggestion,
  query,
  active,
  onPick,
  onHover,
}: SuggestionOptionProps) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      data-testid="suggestion"
      // Keep focus in the input: a mousedown elsewhere would blur it and close the list first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
      onMouseMove={onHover}
      className={optionClasses(active)}
    >
      {suggestion.type === 'book' ? (
        <>
          <span className="h-12 w-8 shrink-0 overflow-hidden rounded-sm bg-surface-raised ring-1 ring-line">
            {suggestion.cover_url && (
              <img src={suggestion.cover_url} alt="" className="size-full object-cover" />
            )}
          </span>
          <span className="flex min-w-0 flex-col">
            <HighlightQuery
              text={suggestion.title}
              query={query}
              className="truncate font-medium"
            />
            {suggestion.author && (
              <span className="truncate text-xs text-ink-muted">{suggestion.author}</span>
            )}
          </span>
        </>
      ) : (
        <>
          <span className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-surface-raised text-accent ring-1 ring-line">
            <PersonIcon />
          </span>
          <span className="flex min-w-0 flex-col">
            <HighlightQuery text={suggestion.name} query={query} className="truncate font-medium" />
            <span className="text-xs text-ink-muted">Author</span>
          </span>
        </>
      )}
    </li>
  );
}
