export type VectorPayload = Record<string, unknown>;

/** Payload field the `kinds` search filter reads (rule, card, ruling, …). */
export const KIND_FIELD = 'kind';

export interface VectorPoint {
  id: string;
  vector: number[];
  payload: VectorPayload;
}

export interface VectorHit {
  id: string;
  /** Cosine similarity, from -1 to 1. */
  score: number;
  payload: VectorPayload;
}

export interface VectorSearchOptions {
  k: number;
  /** Keep only points whose payload `kind` is listed; absent or empty means every kind. */
  kinds?: readonly string[];
}

/**
 * Where dense vectors live: Qdrant when configured, memory otherwise. Both pass the same
 * contract suite (vector-store.contract.ts), so retrieval behaves alike on either.
 */
export interface VectorStore {
  /** Creates the collection when missing; fails when it exists with another vector size. */
  ensureCollection(name: string, dimensions: number): Promise<void>;
  /** Inserts points, replacing any point with the same id. */
  upsert(name: string, points: readonly VectorPoint[]): Promise<void>;
  /** The k points most similar to `vector`, best first. */
  search(name: string, vector: readonly number[], options: VectorSearchOptions): Promise<VectorHit[]>;
  /** The payloads of those ids that are stored; unknown ids are left out. */
  payloads(name: string, ids: readonly string[]): Promise<Map<string, VectorPayload>>;
  count(name: string): Promise<number>;
  /** Does nothing when the collection does not exist. */
  deleteCollection(name: string): Promise<void>;
  listCollections(): Promise<string[]>;
}

export function wantsEveryKind(kinds: readonly string[] | undefined): kinds is undefined {
  return kinds === undefined || kinds.length === 0;
}
