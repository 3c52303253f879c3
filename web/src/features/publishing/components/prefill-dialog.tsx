// Asks before the manuscript's metadata replaces what the author typed: one checkbox per field
// where they differ, showing both values. Nothing changes until the author confirms.
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatBookFormat, formatLanguage } from '@/utils/catalog-format';
import type { BookField, BookFormValues, CategoryNode } from '../schema';
import { type PrefillConflict, fieldLabels } from '../utils/prefill';

function names(ids: number[], tree: CategoryNode[]): string {
  const all = (nodes: CategoryNode[]): CategoryNode[] =>
    nodes.flatMap((n) => [n, ...all(n.children)]);
  const flat = all(tree);
  return ids.map((id) => flat.find((c) => c.id === id)?.name ?? `#${id}`).join(', ');
}

export function describeValue(
  field: BookField,
  value: BookFormValues[BookField],
  tree: CategoryNode[],
): string {
  if (Array.isArray(value)) return names(value, tree) || '—';
  if (!value) return '—';
  if (field === 'format') return formatBookFormat(value);
  if (field === 'language') return `${formatLanguage(value)} (${value})`;
  return value.length > 180 ? `${value.slice(0, 180)}…` : value;
}

type PrefillDialogProps = {
  conflicts: PrefillConflict[];
  tree: CategoryNode[];
  onDecide: (accepted: Set<BookField>) => void;
};

export function PrefillDialog({ conflicts, tree, onDecide }: PrefillDialogProps) {
  const [accepted, setAccepted] = useState<Set<BookField>>(
    () => new Set(conflicts.map((c) => c.field)),
  );
  const open = conflicts.length > 0;

  const toggle = (field: BookField) =>
    setAccepted((current) => {
      const next = new Set(current);
      if (next.has(field)) next.delete(field);
      else next.add(field);
      return next;
    });

  return (
    <ConfirmDialog
      open={open}
      title="Use the details from your manuscript?"
      confirmLabel={
        accepted.size === 0
          ? 'Keep mine'
          : `Use ${accepted.size === 1 ? 'this value' : 'these values'}`
      }
      onConfirm={() => onDecide(accepted)}
      onCancel={() => onDecide(new Set())}
    >
      <p>
        Your EPUB names some details differently from what you typed. Tick the ones to take from the
        file; the rest stay as you wrote them.
      </p>
      <ul className="flex max-h-[50vh] flex-col gap-2 overflow-y-auto">
        {conflicts.map((conflict) => (
          <li key={conflict.field}>
            <label className="flex cursor-pointer gap-3 rounded-xl border border-line bg-surface-raised/40 p-3 text-ink">
              <input
                type="checkbox"
                checked={accepted.has(conflict.field)}
                onChange={() => toggle(conflict.field)}
                className="mt-1 size-4 shrink-0 accent-(--accent)"
              />
              <span className="flex min-w-0 flex-col gap-1">
                <span className="font-medium">{fieldLabels[conflict.field]}</span>
                <span className="text-xs text-ink-muted">
                  Yours:{' '}
                  <span className="text-ink">
                    {describeValue(conflict.field, conflict.current, tree)}
                  </span>
                </span>
                <span className="text-xs text-ink-muted">
                  From the EPUB:{' '}
                  <span className="text-accent">
                    {describeValue(conflict.field, conflict.suggested, tree)}
                  </span>
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
