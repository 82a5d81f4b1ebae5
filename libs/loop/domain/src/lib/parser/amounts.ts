import type { Amount } from '../model/ability';

const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, another: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  twice: 2,
};

/** "a", "two", "3", "x", "that much" → an amount. */
export function parseAmount(word: string | undefined): Amount {
  if (!word) return 1;
  const text = word.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (text === 'x') return 'X';
  if (/^that (much|many)$/.test(text)) return 'event';
  return WORDS[text] ?? 1;
}

export const AMOUNT = String.raw`(a|an|one|two|three|four|five|six|seven|eight|nine|ten|x|\d+|that much|that many)`;
