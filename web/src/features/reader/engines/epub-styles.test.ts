import { describe, expect, it } from 'vitest';
import { relativePath, substituteUrls } from './epub-styles';

describe('relativePath', () => {
  it('finds an asset from a stylesheet the way the stylesheet names it', () => {
    expect(relativePath('/OPS/css/style.css', '/OPS/fonts/a.ttf')).toBe('../fonts/a.ttf');
    expect(relativePath('/OPS/css/style.css', '/OPS/css/bg.png')).toBe('bg.png');
    expect(relativePath('/style.css', '/images/x.png')).toBe('images/x.png');
    expect(relativePath('/a/b/c.css', '/d.png')).toBe('../../d.png');
  });
});

describe('substituteUrls', () => {
  it('points every mention of an asset at its replacement', () => {
    const css = 'body{background:url("../img/a b.png")} h1{background:url(../img/a b.png)}';
    expect(substituteUrls(css, ['../img/a b.png', 'unused.png'], ['blob:x', ''])).toBe(
      'body{background:url("blob:x")} h1{background:url(blob:x)}',
    );
  });
});
