/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'approx', 'incl', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'a.k.a']);

/** A rule number as it opens a line of the Comprehensive Rules: "702.19." or "702.19b". */
const LEADING_RULE_NUMBER = /^\s*[1-9]\d{2}(?:\.\d{1,3}[a-z]?)?\.?\s+/;

// A possible sentence end: terminal punctuation, closing quotes or brackets, then space and
// something that can start a sentence.
const CANDIDATE_END = /[.!?]+["”’)\]]*(?=\s+["“‘(]?[A-Z0-9{])/g;

/**
 * Sentences of rules, card or ruling text. Each line is split on its own (oracle text puts every
 * ability on a line, often without a full stop). Stops that belong to an abbreviation ("e.g."),
 * to a rule number ("see rule 702.19b. It…" still ends there, but "702.19. Trample" at the start
 * of a line is a heading) or to a single initial do not end a sentence.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\s*\n+\s*/)
    .flatMap(splitLine)
    .map((sentence) => sentence.trim())
    // A line of nothing but mana symbols ("{1}{R}") says nothing on its own.
    .filter((sentence) => /[A-Za-z]/.test(sentence.replace(/\{[^}]*\}/g, '')));
}

/** The text without the rule number it may start with ("702.19b Trample…" → "Trample…"). */
export function withoutLeadingRuleNumber(text: string): string {
  return text.replace(LEADING_RULE_NUMBER, '');
}

function splitLine(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of line.matchAll(CANDIDATE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    if (!endsSentence(line.slice(start, end))) continue;
    sentences.push(line.slice(start, end));
    start = end;
  }
  sentences.push(line.slice(start));
  return sentences;
}

function endsSentence(candidate: string): boolean {
  const lastWord = candidate
    .trim()
    .replace(/["”’)\]]+$/, '')
    .replace(/[.!?]+$/, '')
    .split(/\s+/)
    .pop() ?? '';
  if (ABBREVIATIONS.has(lastWord.toLowerCase().replace(/^[("“]+/, ''))) return false;
  // A single capital is an initial ("J. Smith"), not a sentence.
  if (/^[A-Z]$/.test(lastWord)) return false;
  // Nothing but a rule number so far: a heading such as "702.19." that the text goes on from.
  return !/^\s*[1-9]\d{2}(?:\.\d{1,3}[a-z]?)?\.?$/.test(candidate.trim());
}
