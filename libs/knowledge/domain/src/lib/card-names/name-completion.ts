import { sortedPrefixRange } from './sorted-prefix-range';

/**
 * Completes what a user has typed so far: names that start with it, then names with a later word
 * that starts with it ("bolt" → "Lightning Bolt"). Both lists are sorted keys searched by prefix.
 */
export class NameCompletion {
  private readonly starts: SortedKeys;
  private readonly laterWords: SortedKeys;

  /** `names[i]` is the normalised name of entry `ids[i]`. */
  constructor(names: readonly string[], ids: readonly number[]) {
    const starts: [string, number][] = names.map((name, i) => [name, ids[i]]);
    const laterWords: [string, number][] = [];
    names.forEach((name, i) => {
      for (let space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', space + 1)) {
        laterWords.push([name.slice(space + 1), ids[i]]);
      }
    });
    this.starts = new SortedKeys(starts);
    this.laterWords = new SortedKeys(laterWords);
  }

  /** Entry ids, best first, without repeats. `prefix` is normalised. */
  complete(prefix: string, limit: number): number[] {
    const found = new Set<number>();
    for (const keys of [this.starts, this.laterWords]) {
      keys.visitPrefix(prefix, (id) => {
        found.add(id);
        return found.size < limit;
      });
      if (found.size >= limit) break;
    }
    return [...found];
  }
}

class SortedKeys {
  private readonly keys: string[];
  private readonly ids: number[];

  constructor(pairs: [string, number][]) {
    pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.keys = pairs.map(([key]) => key);
    this.ids = pairs.map(([, id]) => id);
  }

  /** Calls `visit` in key order until it returns false. */
  visitPrefix(prefix: string, visit: (id: number) => boolean): void {
    const [from, to] = sortedPrefixRange(this.keys, prefix);
    for (let i = from; i < to && visit(this.ids[i]); i++);
  }
}
