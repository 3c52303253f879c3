// The header's search field: suggestions as you type (debounced), following the ARIA combobox
// pattern. Arrow keys move through the list, Enter opens the highlighted book or author (or
// searches for the text), Escape closes the list and then clears the field.
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { cn } from '@/utils/cn';
import { SUGGEST_MIN_CHARS, useSuggestions } from '../api/suggest-books';
import { type Suggestion } from '../schema';
import { SuggestionOption, optionClasses } from './suggestion-option';

export const SUGGEST_DEBOUNCE_MS = 150;

function SearchIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      aria-hidden="true"
      className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-ink-muted"
    >
      <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="m13 13 4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** The q of the search page, so the field shows what the results are for. */
function useUrlQuery(): string {
  return useRouterState({
    select: (s) => {
      if (s.location.pathname !== '/search') return '';
      const q = (s.location.search as { q?: unknown }).q;
      return typeof q === 'string' ? q : '';
    },
  });
}

export function SearchTypeahead({ className }: { className?: string }) {
  const navigate = useNavigate();
  const urlQuery = useUrlQuery();
  const [text, setText] = useState(urlQuery);
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);

  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    setText(urlQuery);
  }

  const term = useDebouncedValue(text.trim(), SUGGEST_DEBOUNCE_MS);
  const query = useSuggestions(term);
  const typed = text.trim();
  const suggestions = typed.length >= SUGGEST_MIN_CHARS && query.data ? query.data : [];
  // The last option searches for the text itself.
  const count = typed ? suggestions.length + 1 : 0;
  const expanded = open && count > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  // Leaving the field lets the new page be read from the top, and hides a phone's keyboard.
  const leave = () => {
    close();
    input.current?.blur();
  };

  const search = () => {
    if (!typed) return;
    leave();
    void navigate({ to: '/search', search: { q: typed } });
  };

  const pick = (suggestion: Suggestion) => {
    leave();
    setText('');
    if (suggestion.type === 'book') {
      void navigate({ to: '/books/$slug', params: { slug: suggestion.slug } });
    } else {
      void navigate({ to: '/authors/$slug', params: { slug: suggestion.slug } });
    }
  };

  const choose = (index: number) => {
    const suggestion = suggestions[index];
    if (suggestion) pick(suggestion);
    else search();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (count === 0) return;
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : count - 1);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // -1 (no option, the caret back in the text) sits between the last and the first.
      setActive((i) => ((i + 1 + step + count + 1) % (count + 1)) - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (expanded && active >= 0) choose(active);
      else search();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (expanded) close();
      else setText('');
    }
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    search();
  };

  return (
    <form role="search" className={cn('relative', className)} onSubmit={onSubmit}>
      <label htmlFor={inputId} className="sr-only">
        Search books and authors
      </label>
      <div className="relative">
        <SearchIcon />
        <input
          ref={input}
          id={inputId}
          name="q"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          placeholder="Search books, authors…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={close}
          onKeyDown={onKeyDown}
          className="h-10 w-full rounded-full border border-line bg-surface-raised/70 pr-4 pl-10 text-sm text-ink placeholder:text-ink-muted focus:border-accent focus:outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent [&::-webkit-search-cancel-button]:hidden"
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-30 mt-2 flex max-h-[70vh] flex-col gap-0.5 overflow-y-auto rounded-2xl border border-line bg-surface p-1.5 shadow-[0_24px_60px_-20px_var(--shadow)] sm:right-auto sm:w-[26rem]"
      >
        {suggestions.map((suggestion, i) => (
          <SuggestionOption
            key={`${suggestion.type}-${suggestion.id}`}
            id={optionId(i)}
            suggestion={suggestion}
            query={typed}
            active={i === active}
            onPick={() => pick(suggestion)}
            onHover={() => setActive(i)}
          />
        ))}
        {typed && (
          <li
            id={optionId(suggestions.length)}
            role="option"
            aria-selected={active === suggestions.length}
            onMouseDown={(e) => e.preventDefault()}
            onClick={search}
            onMouseMove={() => setActive(suggestions.length)}
            className={cn(
              optionClasses(active === suggestions.length),
              suggestions.length > 0 && 'mt-1 border-t border-line pt-2.5',
            )}
          >
            <span className="text-ink-muted">Search for</span>
            <span className="truncate font-semibold">“{typed}”</span>
          </li>
        )}
      </ul>
      <p role="status" className="sr-only">
        {expanded && suggestions.length > 0
          ? `${suggestions.length} ${suggestions.length === 1 ? 'suggestion' : 'suggestions'}`
          : ''}
      </p>
    </form>
  );
}
