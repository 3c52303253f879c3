// Colour theme: dark by default (the storefront's look), or the visitor's own
// choice stored in localStorage. public/theme-init.js holds a copy of
// resolveTheme() that runs before first paint; keep the two in step.
export type Theme = 'dark' | 'light';

export const THEME_STORAGE_KEY = 'mangu-theme';

function isTheme(value: unknown): value is Theme {
  return value === 'dark' || value === 'light';
}

export function readStoredTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isTheme(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    /* private mode or storage disabled: the choice lasts for this page only */
  }
}

export function resolveTheme(): Theme {
  return readStoredTheme() ?? 'dark';
}

export function appliedTheme(): Theme {
  const value = document.documentElement.dataset.theme;
  return isTheme(value) ? value : resolveTheme();
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
