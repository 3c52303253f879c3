// Reading settings: pages or scroll, text size, font, line spacing and colour theme. Changes
// apply at once and are remembered for every book.
import { type CSSProperties, type ReactNode } from 'react';
import { cn } from '@/utils/cn';
import { type ReaderSettings } from '../schema';
import { FONT_SIZE, lineHeights, readerFonts, readerThemes } from '../utils/reader-settings';
import { ReaderPanel } from './reader-panel';

type SettingsPanelProps = {
  settings: ReaderSettings;
  onChange: (patch: Partial<ReaderSettings>) => void;
  onClose: () => void;
  /** PDFs have no fonts to change: size zooms the page instead. */
  kind: 'epub' | 'pdf';
};

function Group({ label, children }: { label: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-2 px-2 py-3">
      <legend className="mb-2 text-xs font-semibold tracking-widest text-[var(--reader-muted)] uppercase">
        {label}
      </legend>
      {children}
    </fieldset>
  );
}

function Choice<T extends string>({
  value,
  options,
  onChange,
  name,
}: {
  value: T;
  options: { value: T; label: string; style?: CSSProperties | undefined }[];
  onChange: (value: T) => void;
  name: string;
}) {
  return (
    <div className="grid auto-cols-fr grid-flow-col gap-1 rounded-xl bg-[var(--reader-hover)] p-1">
      {options.map((option) => (
        <label
          key={option.value}
          className={cn(
            'flex cursor-pointer items-center justify-center rounded-lg px-2 py-2 text-sm transition-colors has-focus-visible:outline-2 has-focus-visible:outline-[var(--reader-accent)]',
            value === option.value
              ? 'bg-[var(--reader-panel)] font-semibold shadow-sm'
              : 'text-[var(--reader-muted)] hover:text-[var(--reader-text)]',
          )}
          style={option.style}
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            className="sr-only"
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}

const stepButton =
  'inline-flex size-11 items-center justify-center rounded-full border border-[var(--reader-line)] font-display hover:bg-[var(--reader-hover)] disabled:opacity-40';

export function SettingsPanel({ settings, onChange, onClose, kind }: SettingsPanelProps) {
  const size = settings.fontSize;
  return (
    <ReaderPanel title="Reading settings" onClose={onClose}>
      <div className="flex flex-col divide-y divide-[var(--reader-line)]">
        <Group label="Theme">
          <div className="grid grid-cols-3 gap-2">
            {(Object.keys(readerThemes) as ReaderSettings['theme'][]).map((theme) => (
              <label
                key={theme}
                className={cn(
                  'flex cursor-pointer flex-col items-center gap-1.5 rounded-xl border-2 px-2 py-3 text-sm has-focus-visible:outline-2 has-focus-visible:outline-[var(--reader-accent)]',
                  settings.theme === theme
                    ? 'border-[var(--reader-accent)]'
                    : 'border-[var(--reader-line)]',
                )}
                style={{
                  background: readerThemes[theme].background,
                  color: readerThemes[theme].text,
                }}
              >
                <input
                  type="radio"
                  name="reader-theme"
                  value={theme}
                  checked={settings.theme === theme}
                  onChange={() => onChange({ theme })}
                  className="sr-only"
                />
                <span className="font-display text-xl" aria-hidden="true">
                  Aa
                </span>
                {readerThemes[theme].label}
              </label>
            ))}
          </div>
        </Group>
        <Group label={kind === 'pdf' ? 'Zoom' : 'Text size'}>
          <div className="flex items-center justify-between gap-3">
            <button
              type="button"
              className={stepButton}
              aria-label={kind === 'pdf' ? 'Zoom out' : 'Smaller text'}
              disabled={size <= FONT_SIZE.min}
              onClick={() => onChange({ fontSize: Math.max(FONT_SIZE.min, size - FONT_SIZE.step) })}
            >
              <span className="text-sm">A</span>
            </button>
            <output className="text-sm tabular-nums" aria-live="polite" data-testid="font-size">
              {size}%
            </output>
            <button
              type="button"
              className={stepButton}
              aria-label={kind === 'pdf' ? 'Zoom in' : 'Larger text'}
              disabled={size >= FONT_SIZE.max}
              onClick={() => onChange({ fontSize: Math.min(FONT_SIZE.max, size + FONT_SIZE.step) })}
            >
              <span className="text-xl">A</span>
            </button>
          </div>
        </Group>
        {kind === 'epub' && (
          <Group label="Font">
            <Choice
              name="reader-font"
              value={settings.fontFamily}
              onChange={(fontFamily) => onChange({ fontFamily })}
              options={(Object.keys(readerFonts) as ReaderSettings['fontFamily'][]).map((f) => ({
                value: f,
                label: readerFonts[f].label,
                style: readerFonts[f].css
                  ? { fontFamily: readerFonts[f].css ?? undefined }
                  : undefined,
              }))}
            />
          </Group>
        )}
        {kind === 'epub' && (
          <Group label="Line spacing">
            <Choice
              name="reader-line-height"
              value={settings.lineHeight}
              onChange={(lineHeight) => onChange({ lineHeight })}
              options={(Object.keys(lineHeights) as ReaderSettings['lineHeight'][]).map((l) => ({
                value: l,
                label: lineHeights[l].label,
              }))}
            />
          </Group>
        )}
        <Group label="Layout">
          <Choice
            name="reader-flow"
            value={settings.flow}
            onChange={(flow) => onChange({ flow })}
            options={[
              { value: 'paginated', label: 'Pages' },
              { value: 'scrolled', label: 'Scroll' },
            ]}
          />
        </Group>
      </div>
    </ReaderPanel>
  );
}
