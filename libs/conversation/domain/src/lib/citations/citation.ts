import { normalizeRuleNumber } from '@melvin/knowledge/domain';

export type CitationKind = 'rule' | 'card' | 'ruling';

/**
 * A citation as written in an answer. Melvin only ever writes three forms:
 * `[CR 702.19b]`, `[Card: Lightning Bolt]` and `[Ruling: Lightning Bolt, 2021-03-19]`.
 */
export interface Citation {
  kind: CitationKind;
  /** Canonical rule number for rules, the card's name for cards and rulings. */
  target: string;
  /** Rulings only: YYYY-MM-DD. */
  date?: string;
  /** Exactly as it appears in the answer, brackets included. */
  text: string;
  /** Offsets of `text` in the answer: `answer.slice(start, end) === text`. */
  start: number;
  end: number;
}

// The fixed forms, matched as written: "[CR " then a number, "[Card: " or "[Ruling: " then a name.
// "[[Name]]" card mentions and bracketed placeholders in rules text ("[card number]") never match.
const CITATION_LIKE = /\[(?:CR\s+([^[\]\n]*)|(Card|Ruling):\s*([^[\]\n]*))\]/g;
const RULING_BODY = /^(.+?),\s*(\d{4}-\d{2}-\d{2})$/;

/**
 * Every citation in an answer, in order. Brackets that look like a citation but do not parse
 * (a malformed rule number, a ruling without a date) come back with an empty target, so that a
 * checker counts them as invalid instead of silently letting them through.
 */
export function parseCitations(answer: string): Citation[] {
  return [...answer.matchAll(CITATION_LIKE)].map((match) => {
    const [text, ruleBody, word, nameBody] = match;
    const start = match.index ?? 0;
    const position = { text, start, end: start + text.length };
    if (ruleBody !== undefined) return { kind: 'rule', target: normalizeRuleNumber(ruleBody) ?? '', ...position };
    if (word === 'Card') return { kind: 'card', target: nameBody.trim(), ...position };
    const ruling = RULING_BODY.exec(nameBody.trim());
    return ruling
      ? { kind: 'ruling', target: ruling[1].trim(), date: ruling[2], ...position }
      : { kind: 'ruling', target: '', ...position };
  });
}
