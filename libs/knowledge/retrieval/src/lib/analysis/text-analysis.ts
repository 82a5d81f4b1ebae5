import { stem } from './stemmer';
import { STOP_WORDS } from './stop-words';

// Symbols whose meaning players write out in words.
const SYMBOL_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/\{T\}/gi, ' tap '],
  [/\{Q\}/gi, ' untap '],
  [/\{E\}/gi, ' energy '],
];

const WORD = /[a-z0-9]+(?:'[a-z]+)*/g;

/** Lower-cased words in reading order, apostrophes folded ("can't" → "cant", "owner's" → "owner"). */
export function tokenize(text: string): string[] {
  let normalized = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  for (const [symbol, word] of SYMBOL_WORDS) normalized = normalized.replace(symbol, word);
  normalized = normalized.toLowerCase().replace(/[’‘`]/g, "'").replace(/æ/g, 'ae');
  return (normalized.match(WORD) ?? []).map((token) => token.replace(/'s$/, '').replace(/'/g, ''));
}

/** The index term of one token, or null for a stop word. */
export function analyzeTerm(token: string): string | null {
  return STOP_WORDS.has(token) ? null : stem(token);
}

/** Index terms of a text, stop words removed. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = analyzeTerm(token);
    if (term) terms.push(term);
  }
  return terms;
}
