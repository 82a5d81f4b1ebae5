import { topScoring } from './top-scoring';

describe('topScoring', () => {
  it('returns the best-scoring documents in order, whatever the input order', () => {
    const scores = [0.5, 3, 1, 2, 3, 0.1];
    expect(topScoring([5, 4, 3, 2, 1, 0], scores, 3)).toEqual([1, 4, 3]);
    expect(topScoring([0, 1, 2, 3, 4, 5], scores, 10)).toEqual([1, 4, 3, 2, 0, 5]);
    expect(topScoring([0, 1], scores, 0)).toEqual([]);
  });

  it('agrees with a full sort on many documents', () => {
    const scores = Array.from({ length: 5000 }, (_, doc) => (doc * 7919) % 1009);
    const docs = scores.map((_, doc) => doc);
    const sorted = [...docs].sort((a, b) => scores[b] - scores[a] || a - b);
    expect(topScoring(docs, scores, 100)).toEqual(sorted.slice(0, 100));
  });
});
