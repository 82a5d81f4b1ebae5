import { LINKING_WORDS } from './linking-words';

/** How well a fuzzy query fits one name; the lookup only answers when one name fits strictly best. */
export interface NameMatchQuality {
  /** Letters mistyped, summed over the query words. */
  typos: number;
  /**
   * Whether the query accounts for every word of the name or of one face, small linking words
   * aside ("nicol bola" covers "Nicol Bolas", "delver secrets" covers "Delver of Secrets").
   */
  complete: boolean;
  /** Query words that only begin a word of the name ("drago" in "ur dragon"). */
  partials: number;
  /** Linking words of the name the query left out: "one ring" fits "The One Ring" closer than "A-The One Ring". */
  looseWords: number;
}


/**
 * Fits the query words onto the words of a name: each query word must equal, begin, or (when
 * `nearWords` is given, one map per query word) nearly spell a word of the name. Null if one cannot.
 * `faces` are the words of each face of the name, if it has several.
 */
export function matchNameWords(
  queryWords: readonly string[],
  nameWords: readonly string[],
  faces: readonly (readonly string[])[],
  nearWords: readonly ReadonlyMap<string, number>[] | null,
): NameMatchQuality | null {
  let typos = 0;
  let partials = 0;
  const covered = new Set<string>();
  for (let q = 0; q < queryWords.length; q++) {
    const query = queryWords[q];
    let best: { word: string; typos: number; partial: boolean } | null = null;
    for (const word of nameWords) {
      const fit =
        word === query
          ? { word, typos: 0, partial: false }
          : word.startsWith(query)
            ? { word, typos: 0, partial: true }
            : nearWords?.[q].has(word)
              ? { word, typos: nearWords[q].get(word) ?? 0, partial: false }
              : null;
      if (fit && (!best || fit.typos < best.typos || (fit.typos === best.typos && best.partial && !fit.partial))) {
        best = fit;
      }
    }
    if (!best) return null;
    typos += best.typos;
    partials += best.partial ? 1 : 0;
    covered.add(best.word);
  }
  const isCovered = (words: readonly string[]) => words.every((word) => covered.has(word) || LINKING_WORDS.has(word));
  const looseWords = nameWords.filter((word) => !covered.has(word) && LINKING_WORDS.has(word)).length;
  return { typos, partials, complete: isCovered(nameWords) || faces.some(isCovered), looseWords };
}

/** Negative when `a` fits better: fewer typos, a name fully covered, fewer partial words, fewer words left out. */
export function compareMatchQuality(a: NameMatchQuality, b: NameMatchQuality): number {
  return (
    a.typos - b.typos ||
    Number(b.complete) - Number(a.complete) ||
    a.partials - b.partials ||
    (a.complete && b.complete ? a.looseWords - b.looseWords : 0)
  );
}
