import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HighlightedText, splitHighlights } from './highlighted-text';

afterEach(cleanup);

describe('splitHighlights', () => {
  it('cuts the text into plain and marked pieces', () => {
    expect(splitHighlights('the stack resolves', [{ start: 4, end: 9 }])).toEqual([
      { text: 'the ', marked: false },
      { text: 'stack', marked: true },
      { text: ' resolves', marked: false },
    ]);
  });

  it('sorts and merges overlapping ranges and clamps ranges past the end', () => {
    expect(splitHighlights('abcdefgh', [{ start: 6, end: 99 }, { start: 0, end: 2 }, { start: 1, end: 3 }, { start: 5, end: 5 }])).toEqual([
      { text: 'abc', marked: true },
      { text: 'def', marked: false },
      { text: 'gh', marked: true },
    ]);
  });
});

describe('HighlightedText', () => {
  it('renders matches as <mark> and markup in the text as text, never as HTML', () => {
    const text = '<img src=x onerror=alert(1)> the stack';
    const { container } = render(<HighlightedText text={text} highlights={[{ start: 33, end: 38 }]} />);
    expect(container.querySelector('img')).toBeNull();
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['stack']);
    expect(container.textContent).toBe(text);
  });
});
