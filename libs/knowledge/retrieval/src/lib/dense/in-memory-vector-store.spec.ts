import { InMemoryVectorStore } from './in-memory-vector-store';
import { describeVectorStoreContract } from './vector-store.contract';

describeVectorStoreContract('InMemoryVectorStore', () => new InMemoryVectorStore());

describe('InMemoryVectorStore at scale', () => {
  it('ranks exactly like a brute-force cosine sort, beyond its first allocation', async () => {
    const random = seededRandom(7);
    const dimensions = 16;
    const points = Array.from({ length: 3000 }, (_, i) => ({
      id: `doc-${i}`,
      vector: Array.from({ length: dimensions }, () => random() * 2 - 1),
      payload: { kind: i % 3 === 0 ? 'rule' : 'card' },
    }));
    const query = Array.from({ length: dimensions }, () => random() * 2 - 1);
    const store = new InMemoryVectorStore();
    await store.ensureCollection('scale', dimensions);
    for (let i = 0; i < points.length; i += 500) await store.upsert('scale', points.slice(i, i + 500));

    const hits = await store.search('scale', query, { k: 25, kinds: ['rule'] });

    const expected = points
      .filter((point) => point.payload.kind === 'rule')
      .map((point) => ({ id: point.id, score: cosine(point.vector, query) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 25);
    expect(hits.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
    expect(await store.count('scale')).toBe(3000);
  });
});

function cosine(a: number[], b: number[]): number {
  const dot = a.reduce((sum, value, i) => sum + value * b[i], 0);
  return dot / Math.hypot(...a) / Math.hypot(...b);
}

/** Mulberry32: the same "random" vectors on every run, so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
