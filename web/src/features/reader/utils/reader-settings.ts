// The reader's settings (mode, font, size, spacing, theme), kept in localStorage for every book.
import { type ReaderSettings, readerSettingsSchema } from '../schema';

const STORAGE_KEY = 'mangu-reader-settings';

export const FONT_SIZE = { min: 70, max: 200, step: 10 } as const;

function defaults(): ReaderSettings {
  const site = typeof document !== 'undefined' ? document.documentElement.dataset.theme : undefined;
  return readerSettingsSchema.parse({ theme: site === 'dark' ? 'dark' : 'light' });
}

export function loadReaderSettings(): ReaderSettings {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (raw) return readerSettingsSchema.parse({ ...defaults(), ...(JSON.parse(raw) as object) });
  } catch {
    /* unreadable or storage off */
  }
  return defaults();
}

export function saveReaderSettings(settings: ReaderSettings): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    /* storage off: the settings last for this page */
  }
}

export const readerThemes: Record<
  ReaderSettings['theme'],
  { label: string; background: string; text: string; muted: string; link: string }
> = {
  light: {
    label: 'Light',
    background: '#fbf9f5',
    text: '#1f1b17',
    muted: '#6b6259',
    link: '#8a5a12',
  },
  sepia: {
    label: 'Sepia',
    background: '#f3e9d6',
    text: '#4a3b2a',
    muted: '#7d6b55',
    link: '#8a4b14',
  },
  dark: {
    label: 'Dark',
    background: '#141210',
    text: '#ddd5ca',
    muted: '#9a9087',
    link: '#e2b45f',
  },
};

export const readerFonts: Record<
  ReaderSettings['fontFamily'],
  { label: string; css: string | null }
> = {
  publisher: { label: 'Original', css: null },
  serif: {
    label: 'Serif',
    css: "'Iowan Old Style', 'Palatino Linotype', Palatino, 'Book Antiqua', Georgia, 'DejaVu Serif', serif",
  },
  sans: {
    label: 'Sans',
    css: "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif",
  },
  mono: {
    label: 'Mono',
    css: "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
  },
};

export const lineHeights: Record<ReaderSettings['lineHeight'], { label: string; value: number }> = {
  compact: { label: 'Compact', value: 1.35 },
  normal: { label: 'Normal', value: 1.6 },
  relaxed: { label: 'Relaxed', value: 1.9 },
};
