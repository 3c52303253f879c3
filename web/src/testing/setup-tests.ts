// Vitest set-up: jest-dom matchers, and a clean DOM, storage and session between tests.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetSessionForTests } from '@/lib/session';

// Pages load their code lazily (React.lazy): the first visit to a page waits for its module,
// which Vitest transforms on demand (slowly on a busy machine), so findBy* waits up to 10 s.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no scrolling; the router's scroll restoration (and #hash links) call it.
if (typeof window !== 'undefined') {
  window.scrollTo = () => undefined;
  const element = Element.prototype as Partial<Element>;
  element.scrollIntoView ??= () => undefined;
}

// jsdom has <dialog> but not its modal methods; open/close by the attribute.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}

afterEach(() => {
  cleanup();
  resetSessionForTests();
  if (typeof window === 'undefined') return;
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});
