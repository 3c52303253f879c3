// Categories for a book, picked from the store's tree: each top-level genre with its
// subcategories as checkboxes, at most 10 in all.
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/utils/cn';
import { useCategoryTree } from '../api/list-category-tree';
import { type CategoryNode, MAX_CATEGORIES } from '../schema';

type CategoryPickerProps = {
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string | undefined;
  /** Ids the manuscript suggested, marked in the list. */
  suggested?: number[];
};

function Check({
  node,
  checked,
  disabled,
  suggested,
  onToggle,
  strong,
}: {
  node: CategoryNode;
  checked: boolean;
  disabled: boolean;
  suggested: boolean;
  onToggle: () => void;
  strong?: boolean;
}) {
  return (
    <label
      className={cn(
        'flex cursor-pointer items-center gap-2.5 rounded-lg px-2 py-1.5 text-sm transition-colors hover:bg-surface-raised',
        checked ? 'text-ink' : 'text-ink-muted',
        disabled && 'cursor-not-allowed opacity-50',
        strong && 'font-medium text-ink',
      )}
    >
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={onToggle}
        className="size-4 shrink-0 accent-(--accent)"
      />
      <span className="min-w-0 truncate">{node.name}</span>
      {suggested && (
        <span className="ml-auto shrink-0 rounded-full bg-accent/15 px-2 text-[0.65rem] font-semibold tracking-wide text-accent uppercase">
          From EPUB
        </span>
      )}
    </label>
  );
}

function Children({
  nodes,
  value,
  full,
  suggested,
  toggle,
}: {
  nodes: CategoryNode[];
  value: number[];
  full: boolean;
  suggested: number[];
  toggle: (id: number) => void;
}) {
  if (nodes.length === 0) return null;
  return (
    <div className="ml-3 border-l border-line pl-2">
      {nodes.map((node) => (
        <div key={node.id}>
          <Check
            node={node}
            checked={value.includes(node.id)}
            disabled={full && !value.includes(node.id)}
            suggested={suggested.includes(node.id)}
            onToggle={() => toggle(node.id)}
          />
          <Children
            nodes={node.children}
            value={value}
            full={full}
            suggested={suggested}
            toggle={toggle}
          />
        </div>
      ))}
    </div>
  );
}

export function CategoryPicker({ value, onChange, error, suggested = [] }: CategoryPickerProps) {
  const tree = useCategoryTree();
  const full = value.length >= MAX_CATEGORIES;
  const toggle = (id: number) =>
    onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id]);

  return (
    <fieldset
      className="flex flex-col gap-3"
      aria-describedby={error ? 'category-error' : undefined}
    >
      <legend className="sr-only">Categories</legend>
      <p className="text-xs text-ink-muted">
        {value.length} of {MAX_CATEGORIES} chosen. Readers find the book under each one.
      </p>
      {tree.error && !tree.data ? (
        <p role="alert" className="text-sm text-negative">
          The categories could not be loaded.{' '}
          <button type="button" className="underline" onClick={() => void tree.refetch()}>
            Try again
          </button>
        </p>
      ) : !tree.data ? (
        <div className="grid gap-2 sm:grid-cols-2">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-24 rounded-xl" />
          ))}
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {tree.data.map((group) => (
            <div key={group.id} className="rounded-xl border border-line bg-surface-raised/30 p-2">
              <Check
                node={group}
                strong
                checked={value.includes(group.id)}
                disabled={full && !value.includes(group.id)}
                suggested={suggested.includes(group.id)}
                onToggle={() => toggle(group.id)}
              />
              <Children
                nodes={group.children}
                value={value}
                full={full}
                suggested={suggested}
                toggle={toggle}
              />
            </div>
          ))}
        </div>
      )}
      {error && (
        <p id="category-error" className="text-sm text-negative">
          {error}
        </p>
      )}
    </fieldset>
  );
}
