// epub.js turns an archived book's stylesheets into blob: URLs and links them from each page.
// The server's CSP (style-src 'self' 'unsafe-inline') refuses blob: stylesheets, so before a page
// is shown its <link>s are replaced by <style> elements holding the same CSS, rebuilt from the
// archive the way epub.js builds it (asset URLs inside the CSS pointing at their blob: copies,
// except fonts, which become data: URLs because font-src allows data: and not blob:).
import { type Book } from 'epubjs';

/** The parts of epub.js 0.3.93 this relies on (not in its type definitions). */
type BookInternals = {
  archive?: {
    getText(url: string): Promise<string> | undefined;
    getBase64(url: string): Promise<string> | undefined;
  };
  resources?: {
    urls: string[];
    replacementUrls: string[];
    settings: { resolver: (href: string) => string };
  };
  spine: {
    hooks: { serialize: { register(fn: (output: string, section: Section) => unknown): void } };
  };
};

type Section = { output: string };

const LINK = /<link\b[^>]*?\bhref="(blob:[^"]+)"[^>]*>/g;
const FONT = /\.(otf|ttf|woff2?)$/i;

function escapeRegExp(text: string): string {
  return text.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
}

/** The path of `to` relative to the folder holding `from` (both absolute, "/OEBPS/x.css"). */
export function relativePath(from: string, to: string): string {
  const base = from.split('/').slice(0, -1).filter(Boolean);
  const target = to.split('/').filter(Boolean);
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) {
    common++;
  }
  const up = base.slice(common).map(() => '..');
  return [...up, ...target.slice(common)].join('/');
}

/** Replaces each asset path in `css` with its blob: URL, as epub.js does. */
export function substituteUrls(css: string, paths: string[], replacements: string[]): string {
  let out = css;
  paths.forEach((path, i) => {
    const replacement = replacements[i];
    if (path && replacement) out = out.replace(new RegExp(escapeRegExp(path), 'g'), replacement);
  });
  return out;
}

/** The `</style` sequence would end the element early; nothing legitimate in CSS needs it. */
function safeCss(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}

export function inlineStylesheets(book: Book): void {
  const internals = book as unknown as BookInternals;
  const cache = new Map<string, Promise<string | null>>();

  const cssFor = (blobUrl: string): Promise<string | null> => {
    let found = cache.get(blobUrl);
    if (found) return found;
    found = (async () => {
      const resources = internals.resources;
      const archive = internals.archive;
      if (!resources || !archive) return null;
      const index = resources.replacementUrls.indexOf(blobUrl);
      const href = resources.urls[index];
      if (index < 0 || !href) return null;
      const resolve = resources.settings.resolver;
      const absolute = resolve(href);
      const text = await archive.getText(absolute);
      if (typeof text !== 'string') return null;
      const relative = resources.urls.map((asset) => relativePath(absolute, resolve(asset)));
      // Fonts as data: URLs: font-src allows data: but not blob:.
      const replacements = [...resources.replacementUrls];
      await Promise.all(
        resources.urls.map(async (asset, i) => {
          const path = relative[i];
          if (!FONT.test(asset) || !path || !text.includes(path)) return;
          const data = await archive.getBase64(resolve(asset))?.catch(() => undefined);
          if (data) replacements[i] = data;
        }),
      );
      return substituteUrls(text, relative, replacements);
    })().catch(() => null);
    cache.set(blobUrl, found);
    return found;
  };

  internals.spine.hooks.serialize.register(async (_output: string, section: Section) => {
    const html = section.output;
    const links = [...html.matchAll(LINK)];
    if (links.length === 0) return;
    let result = html;
    for (const [tag, url] of links) {
      if (!url) continue;
      const css = await cssFor(url);
      result = result.replace(tag, css === null ? '' : `<style>${safeCss(css)}</style>`);
    }
    section.output = result;
  });
}
