/** One ranked list of document ids, best first, and how much it counts in the fusion. */
export interface Ranking {
  ids: readonly string[];
  weight?: number;
}

export interface FusedId {
  id: string;
  score: number;
}

/**
 * Weighted reciprocal rank fusion: each list gives a document weight / (k + rank), ranks from 1.
 * Ranks rather than raw scores are fused, so BM25, structural lookups and dense similarities, whose
 * scores are not comparable, can be mixed. A larger k flattens the advantage of the very top ranks.
 */
export function fuseRankings(lists: readonly Ranking[], { k = 60 }: { k?: number } = {}): FusedId[] {
  const scores = new Map<string, number>();
  for (const { ids, weight = 1 } of lists) {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) return; // a list that repeats an id counts it once, at its best rank
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1));
    });
  }
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score); // stable: ties keep the order in which the lists named them
}
