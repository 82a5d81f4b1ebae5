export type CitationChipKind = 'rule' | 'card' | 'ruling';

export interface CitationChip {
  kind: CitationChipKind;
  /** Rule number for rules; the card's name for cards and rulings. */
  target: string;
  /** Rulings only: YYYY-MM-DD. */
  date?: string;
  /** As written in the answer, brackets included. */
  label: string;
}

export type AnswerSegment = { type: 'text'; text: string } | { type: 'citation'; citation: CitationChip };

// The three forms Melvin writes: [CR 702.19b], [Card: Name], [Ruling: Name, 2020-01-01].
// Anything else in brackets ("[[Name]]", "[card number]") stays plain text.
const CITATION = /\[(?:CR\s+(\d{1,3}(?:\.\d+[a-z]?)?)\.?|Card:\s*([^[\]\n]+?)|Ruling:\s*([^[\]\n]+?),\s*(\d{4}-\d{2}-\d{2}))\s*\]/gi;

/** Splits an answer into text and the citations written in it, in order. */
export function splitCitations(answer: string): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  let at = 0;
  for (const match of answer.matchAll(CITATION)) {
    const [label, rule, card, rulingCard, rulingDate] = match;
    const start = match.index ?? 0;
    if (start > at) segments.push({ type: 'text', text: answer.slice(at, start) });
    const citation: CitationChip = rule
      ? { kind: 'rule', target: rule.toLowerCase(), label }
      : card
        ? { kind: 'card', target: card.trim(), label }
        : { kind: 'ruling', target: (rulingCard ?? '').trim(), date: rulingDate, label };
    segments.push({ type: 'citation', citation });
    at = start + label.length;
  }
  if (at < answer.length) segments.push({ type: 'text', text: answer.slice(at) });
  return segments;
}

/** Each distinct citation of an answer once, in order of first mention. */
export function citationsIn(answer: string): CitationChip[] {
  const seen = new Set<string>();
  const chips: CitationChip[] = [];
  for (const segment of splitCitations(answer)) {
    if (segment.type !== 'citation') continue;
    const key = `${segment.citation.kind}:${segment.citation.target.toLowerCase()}:${segment.citation.date ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    chips.push(segment.citation);
  }
  return chips;
}
