import { normalizeCardName } from '../cards/normalize-name';

/** One word of free text, normalised like a card name, with where it sits in the original. */
export interface TextWord {
  word: string;
  start: number;
  end: number;
  /** Written with a capital first letter, as a name usually is. */
  capitalised: boolean;
}

// Apostrophes stay inside a word ("Urza's"); hyphens and everything else split words, as in names.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function wordsOfText(text: string): TextWord[] {
  const words: TextWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const capitalised = /^\p{Lu}/u.test(match[0]);
    for (const word of normalizeCardName(match[0]).split(' ')) {
      if (word) words.push({ word, start, end, capitalised });
    }
  }
  return words;
}
