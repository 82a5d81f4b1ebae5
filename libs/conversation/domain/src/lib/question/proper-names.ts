import { magicVocabularyScore } from './magic-vocabulary';

/** Small words that may sit inside a name: "Liliana of the Veil", "Rest in Peace". */
const JOINERS = new Set(['of', 'the', 'in', 'from', 'to', 'and', 'a', 'an', 'for', 'on', 'with', 'at', 'into']);

/**
 * Runs of capitalised words that do not merely open a sentence: "Does Lightning Bolt kill
 * Tarmogoyf?" gives "Lightning Bolt" and "Tarmogoyf". Runs made only of Magic terms ("Flying")
 * are rule words written with a capital, not names. The game's own name, "Magic", is kept.
 */
export function properNames(text: string): string[] {
  const names: string[] = [];
  for (const sentence of text.split(/(?<=[.!?:;])\s+|\n+/)) {
    const tokens = sentence.trim().split(/\s+/).map((token) => token.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''));
    let run: string[] = [];
    const close = () => {
      while (run.length > 0 && JOINERS.has(run[run.length - 1].toLowerCase())) run.pop();
      const name = run.join(' ');
      if (name !== '' && (name === 'Magic' || magicVocabularyScore(name) === 0)) names.push(name);
      run = [];
    };
    tokens.forEach((token, i) => {
      if (i > 0 && /^\p{Lu}[\p{Ll}'’-]/u.test(token)) run.push(token);
      else if (run.length > 0 && JOINERS.has(token)) run.push(token);
      else close();
    });
    close();
  }
  return names;
}
