import { QdrantClient, type Schemas } from '@qdrant/js-client-rest';
import {
  KIND_FIELD,
  wantsEveryKind,
  type VectorHit,
  type VectorPayload,
  type VectorPoint,
  type VectorSearchOptions,
  type VectorStore,
} from '@melvin/knowledge/retrieval';
import { qdrantPointId } from './qdrant-point-id';

export interface QdrantVectorStoreOptions {
  /** e.g. QDRANT_URL = http://qdrant:6333 */
  url: string;
  apiKey?: string;
  /** Points per upsert request: keeps each request well under Qdrant's body size limit. */
  upsertBatchSize?: number;
}

/** Payload field keeping Melvin's own id, since Qdrant only holds the UUID made from it. */
const MELVIN_ID_FIELD = 'melvin_id';
const DEFAULT_UPSERT_BATCH_SIZE = 256;

export class QdrantVectorStore implements VectorStore {
  private readonly client: QdrantClient;
  private readonly upsertBatchSize: number;

  constructor(private readonly options: QdrantVectorStoreOptions) {
    this.client = new QdrantClient({ url: options.url, apiKey: options.apiKey });
    this.upsertBatchSize = options.upsertBatchSize ?? DEFAULT_UPSERT_BATCH_SIZE;
  }

  async ensureCollection(name: string, dimensions: number): Promise<void> {
    const existing = await this.vectorSize(name);
    if (existing === null) {
      await this.create(name, dimensions);
    } else if (existing !== dimensions) {
      throw new Error(`vector collection "${name}" holds ${existing}-dimensional vectors, not ${dimensions}`);
    }
  }

  async upsert(name: string, points: readonly VectorPoint[]): Promise<void> {
    for (let start = 0; start < points.length; start += this.upsertBatchSize) {
      const batch = points.slice(start, start + this.upsertBatchSize).map((point) => ({
        id: qdrantPointId(point.id),
        vector: [...point.vector],
        payload: { ...point.payload, [MELVIN_ID_FIELD]: point.id },
      }));
      // wait: a search right after indexing must see the new points.
      await this.call(`store ${batch.length} points in "${name}"`, () => this.client.upsert(name, { wait: true, points: batch }));
    }
  }

  async search(name: string, vector: readonly number[], { k, kinds }: VectorSearchOptions): Promise<VectorHit[]> {
    if (k <= 0) return [];
    const filter = wantsEveryKind(kinds) ? undefined : { must: [{ key: KIND_FIELD, match: { any: [...kinds] } }] };
    const { points } = await this.call(`search "${name}"`, () =>
      this.client.query(name, { query: [...vector], limit: k, filter, with_payload: true }),
    );
    return points.map((point) => ({ ...melvinPoint(point.payload), score: point.score }));
  }

  async payloads(name: string, ids: readonly string[]): Promise<Map<string, VectorPayload>> {
    if (ids.length === 0) return new Map();
    const records = await this.call(`read points of "${name}"`, () =>
      this.client.retrieve(name, { ids: ids.map(qdrantPointId), with_payload: true, with_vector: false }),
    );
    return new Map(records.map((record) => melvinPoint(record.payload)).map(({ id, payload }) => [id, payload]));
  }

  async count(name: string): Promise<number> {
    const { count } = await this.call(`count "${name}"`, () => this.client.count(name, { exact: true }));
    return count;
  }

  async deleteCollection(name: string): Promise<void> {
    if (!(await this.exists(name))) return;
    await this.call(`delete "${name}"`, () => this.client.deleteCollection(name));
  }

  async listCollections(): Promise<string[]> {
    const { collections } = await this.call('list collections', () => this.client.getCollections());
    return collections.map((collection) => collection.name);
  }

  private async create(name: string, dimensions: number): Promise<void> {
    try {
      await this.client.createCollection(name, { vectors: { size: dimensions, distance: 'Cosine' } });
    } catch (error) {
      // Another worker may have created it meanwhile; that is the outcome wanted.
      if ((await this.vectorSize(name)) === dimensions) return;
      throw qdrantError(`create "${name}"`, this.options.url, error);
    }
    await this.call(`index kinds in "${name}"`, () =>
      this.client.createPayloadIndex(name, { field_name: KIND_FIELD, field_schema: 'keyword', wait: true }),
    );
  }

  /** The collection's vector size, or null when it does not exist. */
  private async vectorSize(name: string): Promise<number | null> {
    if (!(await this.exists(name))) return null;
    const info = await this.call(`read "${name}"`, () => this.client.getCollection(name));
    const vectors = info.config.params.vectors;
    // Melvin creates single unnamed vectors; named ones mean the collection is not Melvin's.
    if (!vectors || !('size' in vectors) || typeof vectors.size !== 'number') {
      throw new Error(`Qdrant collection "${name}" does not hold a single unnamed vector per point`);
    }
    return vectors.size;
  }

  private async exists(name: string): Promise<boolean> {
    const { exists } = await this.call(`look up "${name}"`, () => this.client.collectionExists(name));
    return exists;
  }

  private async call<T>(task: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw qdrantError(task, this.options.url, error);
    }
  }
}

/** Back from Qdrant's point to Melvin's: the original id, and the payload without it. */
function melvinPoint(stored: Schemas['Payload'] | null | undefined): { id: string; payload: VectorPayload } {
  const { [MELVIN_ID_FIELD]: id, ...payload } = stored ?? {};
  if (typeof id !== 'string') throw new Error(`a Qdrant point lacks its "${MELVIN_ID_FIELD}"; was it written by Melvin?`);
  return { id, payload };
}

/** The client reports only the HTTP status text; Qdrant's reason is in the response body. */
function qdrantError(task: string, url: string, error: unknown): Error {
  const body = (error as { data?: { status?: { error?: unknown } } } | null)?.data;
  const reason = body?.status?.error ?? (error as { message?: unknown } | null)?.message ?? error;
  return new Error(`Qdrant at ${url} could not ${task}: ${String(reason)}`, { cause: error });
}
