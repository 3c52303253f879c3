// One facet as a radio group: "All" plus each value with its count. The first few show; the rest
// fold behind "Show more".
import { useId, useState } from 'react';
import { cn } from '@/utils/cn';

export type FacetOption = { value: string; label: string; count: number };

type FacetGroupProps = {
  legend: string;
  name: string;
  options: FacetOption[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  shown?: number;
};

function Radio({
  name,
  label,
  count,
  checked,
  onSelect,
}: {
  name: string;
  label: string;
  count?: number;
  checked: boolean;
  onSelect: () => void;
}) {
  const id = useId();

  return (
    <li>
      <label
        htmlFor={id}
        className={cn(
          'flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 text-sm transition-colors hover:bg-surface-raised',
          checked ? 'text-ink' : 'text-ink-muted',
        )}
      >
        <input
          id={id}
          type="radio"
          name={name}
          checked={checked}
          onChange={onSelect}
          className="size-4 shrink-0 accent-[var(--accent)]"
        />
        <span className={cn('min-w-0 flex-1 truncate', checked && 'font-semibold')}>{label}</span>
        {count !== undefined && <span className="text-xs tabular-nums">{count}</span>}
      </label>
    </li>
  );
}

export function FacetGroup({
  legend,
  name,
  options: given,
  value,
  onChange,
  shown = 6,
}: FacetGroupProps) {
  // Values without results are noise, unless one is the current choice.
  const options = given.filter((o) => o.count > 0 || o.value === value);
  const [expanded, setExpanded] = useState(false);
  const groupName = `${name}-${useId()}`;
  // A chosen value that no longer has results still shows, so it can be seen and undone.
  const all =
    value && !options.some((o) => o.value === value)
      ? [{ value, label: value, count: 0 }, ...options]
      : options;
  const chosenAt = all.findIndex((o) => o.value === value);
  const limit = Math.max(shown, chosenAt + 1);
  const visible = expanded ? all : all.slice(0, limit);

  if (options.length === 0 && !value) return null;

  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1.5 text-xs font-semibold tracking-wider text-ink-muted uppercase">
        {legend}
      </legend>
      <ul className="flex flex-col">
        <Radio
          name={groupName}
          label="All"
          checked={value === undefined}
          onSelect={() => onChange(undefined)}
        />
        {visible.map((o) => (
          <Radio
            key={o.value}
            name={groupName}
            label={o.label}
            count={o.count}
            checked={o.value === value}
            onSelect={() => onChange(o.value)}
          />
        ))}
      </ul>
      {all.length > limit && (
        <button
          type="button"
          onClick={() => setExpanded((v) => !v)}
          aria-expanded={expanded}
          className="self-start px-2 py-1 text-sm font-medium text-accent hover:underline"
        >
          {expanded ? 'Show fewer' : `Show ${all.length - limit} more`}
        </button>
      )}
    </fieldset>
  );
}
