// Loads the engine for a file kind on demand, so epub.js and pdf.js are fetched only when a
// book is opened (they are large, and most pages never need them).
import { type BookFileKind } from '../api/get-book-content';
import { type EngineFactory } from './types';

export async function loadEngine(kind: BookFileKind): Promise<EngineFactory> {
  if (kind === 'pdf') {
    const { PdfEngine } = await import('./pdf-engine');
    return (container, data, settings, events) => new PdfEngine(container, data, settings, events);
  }
  const { EpubEngine } = await import('./epub-engine');
  return (container, data, settings, events, bookKey) =>
    new EpubEngine(container, data, settings, events, bookKey);
}
