// Vitest set-up: jest-dom matchers, and a clean DOM and storage between tests.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no scrolling; the router's scroll restoration calls it.
if (typeof window !== 'undefined') window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  if (typeof window === 'undefined') return;
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});
