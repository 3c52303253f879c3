// Current colour theme plus a toggle that remembers the visitor's choice.
import { useCallback, useState } from 'react';
import { type Theme, appliedTheme, applyTheme, storeTheme } from '@/lib/theme';

export function useTheme(): { theme: Theme; toggleTheme: () => void } {
  const [theme, setTheme] = useState<Theme>(appliedTheme);

  const toggleTheme = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    storeTheme(next);
    setTheme(next);
  }, [theme]);

  return { theme, toggleTheme };
}
