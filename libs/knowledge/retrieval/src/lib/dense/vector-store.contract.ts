import type * as JestGlobals from '@jest/globals';
import type { VectorPoint, VectorStore } from './vector-store';

// Ids shaped like Melvin's own, including spaces and punctuation a Qdrant point id cannot hold.
const NORTH: VectorPoint = { id: 'rule:100.1a', vector: [1, 0, 0], payload: { kind: 'rule', title: 'North', tags: ['a', 'b'], rank: 1 } };
const NORTH_EAST: VectorPoint = { id: 'card:Lightning Bolt', vector: [1, 1, 0], payload: { kind: 'card' } };
const EAST: VectorPoint = { id: 'rule:702.19b', vector: [0, 1, 0], payload: { kind: 'rule' } };
const SOUTH: VectorPoint = { id: 'ruling:Fog#2', vector: [-1, 0, 0], payload: { kind: 'ruling' } };
const COMPASS = [NORTH, NORTH_EAST, EAST, SOUTH];

export interface VectorStoreContractOptions {
  /** Why the suite cannot run here (e.g. no server configured); the suite is then reported as skipped. */
  skip?: string;
}

/**
 * The behaviour every VectorStore must share, as one jest suite: call it from a spec with a
 * factory for the store under test. Only specs call it; jest's functions are taken from the
 * running test's globals so that nothing here loads jest in production code.
 */
export function describeVectorStoreContract(
  label: string,
  makeStore: () => VectorStore | Promise<VectorStore>,
  options: VectorStoreContractOptions = {},
): void {
  const { describe, it, expect, beforeAll, afterEach } = globalThis as unknown as typeof JestGlobals;
  const title = options.skip ? `${label} (skipped: ${options.skip})` : label;

  (options.skip ? describe.skip : describe)(title, () => {
    let store: VectorStore;
    // A run-specific prefix, so runs against a shared Qdrant never see each other's collections.
    const run = `melvin-contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    let made = 0;
    const created: string[] = [];

    async function freshCollection(dimensions = 3): Promise<string> {
      const name = `${run}-${++made}`;
      created.push(name);
      await store.ensureCollection(name, dimensions);
      return name;
    }

    async function compassCollection(): Promise<string> {
      const name = await freshCollection();
      await store.upsert(name, COMPASS);
      return name;
    }

    beforeAll(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      for (const name of created.splice(0)) await store.deleteCollection(name);
    });

    it('creates a collection once, lists it, and starts it empty', async () => {
      const name = await freshCollection();
      await store.ensureCollection(name, 3);

      expect(await store.listCollections()).toContain(name);
      expect(await store.count(name)).toBe(0);
    });

    it('refuses to reuse a collection with another vector size', async () => {
      const name = await freshCollection(3);

      await expect(store.ensureCollection(name, 4)).rejects.toThrow(/3-dimensional/);
    });

    it('ranks points by cosine similarity, best first, with their payloads', async () => {
      const name = await compassCollection();

      const hits = await store.search(name, [1, 0.1, 0], { k: 10 });

      expect(hits.map((hit) => hit.id)).toEqual([NORTH.id, NORTH_EAST.id, EAST.id, SOUTH.id]);
      expect(hits[0].score).toBeCloseTo(0.995, 3);
      expect(hits[3].score).toBeCloseTo(-0.995, 3);
      expect(hits[0].payload).toEqual(NORTH.payload);
    });

    it('ignores vector length, as cosine similarity does', async () => {
      const name = await compassCollection();
      await store.upsert(name, [{ id: 'rule:long-north', vector: [40, 0, 0.4], payload: { kind: 'rule' } }]);

      const [best] = await store.search(name, [0.5, 0, 0.005], { k: 1 });

      expect(best.id).toBe('rule:long-north');
      expect(best.score).toBeCloseTo(1, 4);
    });

    it('returns at most k hits', async () => {
      const name = await compassCollection();

      expect((await store.search(name, [1, 0.1, 0], { k: 2 })).map((hit) => hit.id)).toEqual([NORTH.id, NORTH_EAST.id]);
      expect(await store.search(name, [1, 0.1, 0], { k: 0 })).toEqual([]);
    });

    it('keeps only the requested kinds, and every kind when none is named', async () => {
      const name = await compassCollection();
      const ids = async (kinds?: string[]) => (await store.search(name, [1, 0.1, 0], { k: 10, kinds })).map((hit) => hit.id);

      expect(await ids(['rule'])).toEqual([NORTH.id, EAST.id]);
      expect(await ids(['rule', 'ruling'])).toEqual([NORTH.id, EAST.id, SOUTH.id]);
      expect(await ids([])).toHaveLength(COMPASS.length);
    });

    it('replaces a point upserted again under the same id', async () => {
      const name = await compassCollection();
      const moved = { kind: 'card', title: 'North, moved' };
      await store.upsert(name, [{ id: NORTH.id, vector: [0, -1, 0], payload: moved }]);

      const [best] = await store.search(name, [0, -1, 0], { k: 1 });

      expect(await store.count(name)).toBe(COMPASS.length);
      expect(best).toMatchObject({ id: NORTH.id, payload: moved });
    });

    it('returns stored payloads by id and leaves unknown ids out', async () => {
      const name = await compassCollection();

      const payloads = await store.payloads(name, [NORTH.id, 'rule:not-stored']);

      expect([...payloads]).toEqual([[NORTH.id, NORTH.payload]]);
    });

    it('rejects vectors of the wrong size', async () => {
      const name = await compassCollection();

      await expect(store.upsert(name, [{ id: 'rule:flat', vector: [1, 0], payload: { kind: 'rule' } }])).rejects.toThrow();
      await expect(store.search(name, [1, 0], { k: 1 })).rejects.toThrow();
      expect(await store.count(name)).toBe(COMPASS.length);
    });

    it('deletes a collection with its points, and shrugs at deleting it again', async () => {
      const name = await compassCollection();

      await store.deleteCollection(name);
      await store.deleteCollection(name);

      expect(await store.listCollections()).not.toContain(name);
      await expect(store.count(name)).rejects.toThrow();
    });
  });
}
