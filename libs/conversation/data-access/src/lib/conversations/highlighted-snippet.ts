import type { HighlightedSnippet } from '@melvin/shared/contracts';

/**
 * Marks PostgreSQL's ts_headline puts around matches. Control characters never occur in indexed
 * text (they are stripped on the way in), so the marks cannot be confused with what users wrote.
 */
export const HIGHLIGHT_START = '\u0001';
export const HIGHLIGHT_STOP = '\u0002';

export function withoutHighlightMarks(text: string): string {
  return text.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_STOP, '');
}

/** ts_headline's output as one line of plain text, plus the ranges it highlighted. */
export function toHighlightedSnippet(headline: string): HighlightedSnippet {
  const highlights: HighlightedSnippet['highlights'] = [];
  let text = '';
  let start = -1;
  for (const char of headline.trim()) {
    if (char === HIGHLIGHT_START) start = text.length;
    else if (char === HIGHLIGHT_STOP) {
      if (start >= 0) highlights.push({ start, end: text.length });
      start = -1;
    } else if (!/\s/.test(char)) text += char;
    else if (text !== '' && !text.endsWith(' ')) text += ' '; // messages' line breaks would break a one-line snippet
  }
  return { text, highlights };
}
