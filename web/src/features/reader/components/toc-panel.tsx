// The table of contents: chapters (indented by level), the current one marked.
import { cn } from '@/utils/cn';
import { type TocItem } from '../engines/types';
import { ReaderPanel } from './reader-panel';

type TocPanelProps = {
  items: TocItem[];
  current: string | null;
  onSelect: (item: TocItem) => void;
  onClose: () => void;
};

export function TocPanel({ items, current, onSelect, onClose }: TocPanelProps) {
  return (
    <ReaderPanel title="Contents" onClose={onClose}>
      {items.length === 0 ? (
        <p className="p-3 text-sm text-[var(--reader-muted)]">
          This book has no table of contents.
        </p>
      ) : (
        <nav aria-label="Table of contents">
          <ol className="flex flex-col">
            {items.map((item) => {
              const active = current !== null && item.label === current;
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    onClick={() => onSelect(item)}
                    aria-current={active ? 'location' : undefined}
                    style={{ paddingLeft: `${0.75 + item.depth * 1}rem` }}
                    className={cn(
                      'w-full rounded-lg py-2.5 pr-3 text-left text-sm leading-snug hover:bg-[var(--reader-hover)]',
                      active &&
                        'bg-[var(--reader-hover)] font-semibold text-[var(--reader-accent)]',
                    )}
                  >
                    {item.label}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
      )}
    </ReaderPanel>
  );
}
