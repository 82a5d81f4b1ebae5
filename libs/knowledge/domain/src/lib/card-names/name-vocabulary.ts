import { sortedPrefixRange } from './sorted-prefix-range';
import { letterMask, mayBeWithin, typoDistance } from './typo-distance';

/**
 * Every word used in card names, sorted, each with the names (by position) that use it. Lets the
 * fuzzy lookup start from the rarest query word instead of scanning 35,000 names.
 */
export class NameVocabulary {
  private readonly words: string[];
  private readonly postings: number[][];
  /** `postingsBefore[i]` = how many name uses the words before `words[i]` have, to size a range in O(1). */
  private readonly postingsBefore: number[];
  private readonly masks: Uint32Array;
  /** Indexes into `words`, grouped by word length, for the typo scan. */
  private readonly wordsByLength = new Map<number, number[]>();

  constructor(wordsOfNames: readonly (readonly string[])[]) {
    const namesByWord = new Map<string, number[]>();
    wordsOfNames.forEach((words, name) => {
      for (const word of new Set(words)) {
        const names = namesByWord.get(word);
        if (names) names.push(name);
        else namesByWord.set(word, [name]);
      }
    });
    this.words = [...namesByWord.keys()].sort();
    this.postings = this.words.map((word) => namesByWord.get(word) ?? []);
    this.postingsBefore = [0];
    this.postings.forEach((names, i) => this.postingsBefore.push(this.postingsBefore[i] + names.length));
    this.masks = Uint32Array.from(this.words, letterMask);
    this.words.forEach((word, i) => {
      const sameLength = this.wordsByLength.get(word.length);
      if (sameLength) sameLength.push(i);
      else this.wordsByLength.set(word.length, [i]);
    });
  }

  /** Words starting with `prefix` (the word itself included), as a range of the sorted vocabulary. */
  prefixRange(prefix: string): [number, number] {
    return sortedPrefixRange(this.words, prefix);
  }

  countNamesInRange([from, to]: [number, number]): number {
    return this.postingsBefore[to] - this.postingsBefore[from];
  }

  countNamesOf(word: string): number {
    const [from, to] = this.prefixRange(word);
    return from < to && this.words[from] === word ? this.postings[from].length : 0;
  }

  namesInRange([from, to]: [number, number], visit: (name: number) => void): void {
    for (let i = from; i < to; i++) for (const name of this.postings[i]) visit(name);
  }

  namesOf(word: string, visit: (name: number) => void): void {
    const [from, to] = this.prefixRange(word);
    if (from < to && this.words[from] === word) this.namesInRange([from, from + 1], visit);
  }

  /**
   * Words `word` may be a slip for, with how many letters are off: those within `maxTypos` edits,
   * and longer words it abbreviates by dropping letters after the first ("commd" for "command"),
   * which count as one slip.
   */
  wordsNear(word: string, maxTypos: number): Map<string, number> {
    const near = new Map<string, number>();
    if (maxTypos === 0) return near;
    const mask = letterMask(word);
    for (let length = word.length - maxTypos; length <= word.length + maxTypos; length++) {
      for (const i of this.wordsByLength.get(length) ?? []) {
        if (!mayBeWithin(mask, this.masks[i], maxTypos)) continue;
        const distance = typoDistance(word, this.words[i], maxTypos);
        if (distance > 0 && distance <= maxTypos) near.set(this.words[i], distance);
      }
    }
    const [from, to] = this.prefixRange(word[0]);
    for (let i = from; i < to; i++) {
      const candidate = this.words[i];
      if ((mask & ~this.masks[i]) !== 0 || candidate.length <= word.length) continue;
      if (!candidate.startsWith(word) && isSubsequence(word, candidate)) {
        near.set(candidate, Math.min(near.get(candidate) ?? 1, 1));
      }
    }
    return near;
  }
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (let i = 0; i < long.length && at < short.length; i++) if (long[i] === short[at]) at++;
  return at === short.length;
}
