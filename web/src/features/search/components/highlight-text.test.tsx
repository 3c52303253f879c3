import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HighlightText, matchSegments } from './highlight-text';

describe('HighlightText', () => {
  it('wraps matched segments in <mark> and leaves the rest as text', () => {
    const { container } = render(
      <HighlightText
        segments={[
          { text: 'Alice', match: true },
          { text: "'s Adventures in ", match: false },
          { text: 'Wonderland', match: true },
        ]}
      />,
    );

    const marks = container.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['Alice', 'Wonderland']);
    expect(container.textContent).toBe("Alice's Adventures in Wonderland");
  });

  it('shows markup in a segment as text, never as HTML', () => {
    const { container } = render(
      <HighlightText
        segments={[
          { text: '<img src=x onerror="alert(1)">', match: true },
          { text: ' & <b>bold</b>', match: false },
        ]}
      />,
    );

    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<img src=x onerror="alert(1)">');
    expect(container.textContent).toBe('<img src=x onerror="alert(1)"> & <b>bold</b>');
  });

  it('falls back to plain text without segments', () => {
    const { container } = render(<HighlightText segments={[]} fallback="Emma" />);

    expect(container.textContent).toBe('Emma');
    expect(container.querySelector('mark')).toBeNull();
  });
});

describe('matchSegments', () => {
  it('marks every case-insensitive occurrence', () => {
    expect(matchSegments('Cold comfort, cold water', 'COLD')).toEqual([
      { text: 'Cold', match: true },
      { text: ' comfort, ', match: false },
      { text: 'cold', match: true },
      { text: ' water', match: false },
    ]);
  });

  it('ignores accents when the lengths line up', () => {
    expect(matchSegments('Élodie', 'elo')).toEqual([
      { text: 'Élo', match: true },
      { text: 'die', match: false },
    ]);
  });

  it('marks nothing for an empty query', () => {
    expect(matchSegments('Emma', '  ')).toEqual([{ text: 'Emma', match: false }]);
  });
});
