export interface HighlightRange {
  start: number;
  end: number;
}

export interface TextPiece {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text` into plain and highlighted pieces. Ranges may come unsorted, overlapping or out of
 * bounds (they are offsets into text the server made); they are clamped and merged, never trusted.
 */
export function splitHighlights(text: string, ranges: readonly HighlightRange[]): TextPiece[] {
  const clean = ranges
    .map(({ start, end }) => ({ start: Math.max(0, Math.min(start, text.length)), end: Math.max(0, Math.min(end, text.length)) }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  const merged: HighlightRange[] = [];
  for (const range of clean) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { start, end } of merged) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/** Text with its matches in `<mark>`, built as React nodes: the text is never parsed as HTML. */
export function HighlightedText({ text, highlights, className }: { text: string; highlights: readonly HighlightRange[]; className?: string }) {
  return (
    <span className={className}>
      {splitHighlights(text, highlights).map((piece, index) =>
        piece.marked ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </span>
  );
}
