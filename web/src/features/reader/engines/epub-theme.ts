// The CSS put into each EPUB page for the reader's settings: colours, font, size and spacing.
// Publisher styles are overridden only as far as the setting needs (a colour theme must win
// over a book's own black text; "Original" font leaves the book's fonts alone).
import { type ReaderSettings } from '../schema';
import { lineHeights, readerFonts, readerThemes } from '../utils/reader-settings';

export const HIGHLIGHT_FILLS: Record<string, string> = {
  yellow: '#f5c542',
  green: '#6cc46c',
  blue: '#5aa9e6',
  pink: '#ef7fb0',
  purple: '#a98be0',
};

export function epubCss(settings: ReaderSettings): string {
  const theme = readerThemes[settings.theme];
  const font = readerFonts[settings.fontFamily].css;
  const lineHeight = lineHeights[settings.lineHeight].value;
  return `
html, body {
  background: ${theme.background} !important;
  color: ${theme.text} !important;
}
body {
  font-size: ${settings.fontSize}% !important;
  line-height: ${lineHeight} !important;
  -webkit-font-smoothing: antialiased;
  text-rendering: optimizeLegibility;
  ${font ? `font-family: ${font} !important;` : ''}
}
body * {
  color: inherit !important;
  background-color: transparent !important;
  ${font ? 'font-family: inherit !important;' : ''}
}
p, li, blockquote, dd { line-height: inherit !important; }
a, a * { color: ${theme.link} !important; }
img, svg, video { max-width: 100%; height: auto; }
::selection { background: ${theme.link}55; }
`;
}
