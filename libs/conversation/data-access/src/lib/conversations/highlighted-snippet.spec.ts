import { toHighlightedSnippet, withoutHighlightMarks } from './highlighted-snippet';

describe('toHighlightedSnippet', () => {
  it('gives one line of text and the ranges PostgreSQL highlighted in it', () => {
    const snippet = toHighlightedSnippet('\nStack questions\n\nA creature with \u0001deathtouch\u0002 that \u0001tramples\u0002  only');

    expect(snippet.text).toBe('Stack questions A creature with deathtouch that tramples only');
    expect(snippet.highlights.map(({ start, end }) => snippet.text.slice(start, end))).toEqual(['deathtouch', 'tramples']);
  });

  it('strips the marks from what users write, so nobody can fake a highlight', () => {
    expect(withoutHighlightMarks('a \u0001fake\u0002 match')).toBe('a fake match');
  });

  it('keeps text without matches as it is, with no highlights', () => {
    expect(toHighlightedSnippet('Nothing matched here')).toEqual({ text: 'Nothing matched here', highlights: [] });
  });
});
