// Search box plus an optional select for the admin lists. Typing searches after a short pause;
// every change writes to the URL through `onChange`.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { controlClasses } from '@/components/ui/field-shell';

const TYPING_PAUSE_MS = 350;

type Option = { value: string; label: string };

type ListFiltersProps = {
  searchLabel: string;
  placeholder: string;
  q: string | undefined;
  onQuery: (q: string | undefined) => void;
  select?: { label: string; value: string; options: Option[]; onChange: (value: string) => void };
};

export function ListFilters({
  searchLabel,
  placeholder,
  q = '',
  onQuery,
  select,
}: ListFiltersProps) {
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  const searchId = useId();
  const selectId = useId();

  if (q !== shownQ) {
    setShownQ(q);
    setText(q);
  }

  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => onQuery(text.trim() || undefined), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, q, onQuery]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onQuery(text.trim() || undefined);
  };

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <form role="search" onSubmit={submit} className="flex flex-1 flex-col gap-1.5">
        <label htmlFor={searchId} className="text-sm font-medium text-ink">
          {searchLabel}
        </label>
        <input
          id={searchId}
          type="search"
          autoComplete="off"
          placeholder={placeholder}
          value={text}
          onChange={(event) => setText(event.target.value)}
          className={`${controlClasses} h-11 border-line`}
        />
      </form>
      {select && (
        <div className="flex flex-col gap-1.5 sm:w-48">
          <label htmlFor={selectId} className="text-sm font-medium text-ink">
            {select.label}
          </label>
          <select
            id={selectId}
            value={select.value}
            onChange={(event) => select.onChange(event.target.value)}
            className={`${controlClasses} h-11 border-line`}
          >
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
