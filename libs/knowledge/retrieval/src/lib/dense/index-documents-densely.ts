import { createHash } from 'node:crypto';
import { embeddingInstructions, type Embedder } from './embedder';
import { KIND_FIELD, type VectorPayload, type VectorPoint, type VectorStore } from './vector-store';

export interface DenseDocument {
  id: string;
  kind: string;
  text: string;
}

export interface DenseIndexProgress {
  /** Documents handled so far, embedded or skipped. */
  done: number;
  total: number;
  embedded: number;
  skipped: number;
}

export interface DenseIndexRequest {
  docs: readonly DenseDocument[];
  embedder: Embedder;
  store: VectorStore;
  collection: string;
  /** Documents per round of embed + upsert; progress is reported after each round. */
  batchSize?: number;
  onProgress?: (progress: DenseIndexProgress) => void;
}

export interface DenseIndexResult {
  embedded: number;
  skipped: number;
}

/** Payload field recording what was embedded, so unchanged documents are never embedded twice. */
export const TEXT_HASH_FIELD = 'textHash';

const DEFAULT_BATCH_SIZE = 128;

/**
 * Embeds the documents and stores their vectors. A document whose text is already stored under
 * its id is skipped, so re-running after a new release embeds only what changed.
 */
export async function indexDocumentsDensely(request: DenseIndexRequest): Promise<DenseIndexResult> {
  const { docs, embedder, store, collection, onProgress } = request;
  const batchSize = request.batchSize ?? DEFAULT_BATCH_SIZE;
  const { document: prefix } = embeddingInstructions(embedder.model);
  let collectionReady = (await store.listCollections()).includes(collection);
  const progress: DenseIndexProgress = { done: 0, total: docs.length, embedded: 0, skipped: 0 };

  for (let start = 0; start < docs.length; start += batchSize) {
    const batch = docs.slice(start, start + batchSize).map((doc) => {
      const input = prefix + doc.text;
      return { doc, input, hash: textHash(input) };
    });
    const ids = batch.map(({ doc }) => doc.id);
    const stored = collectionReady ? await store.payloads(collection, ids) : new Map<string, VectorPayload>();
    const changed = batch.filter(({ doc, hash }) => stored.get(doc.id)?.[TEXT_HASH_FIELD] !== hash);

    if (changed.length > 0) {
      const vectors = await embedder.embed(changed.map(({ input }) => input));
      if (vectors.length !== changed.length) {
        throw new Error(`embedding model "${embedder.model}" returned ${vectors.length} vectors for ${changed.length} texts`);
      }
      if (!collectionReady) {
        await store.ensureCollection(collection, vectors[0].length);
        collectionReady = true;
      }
      const points: VectorPoint[] = changed.map(({ doc, hash }, i) => ({
        id: doc.id,
        vector: vectors[i],
        payload: { [KIND_FIELD]: doc.kind, [TEXT_HASH_FIELD]: hash },
      }));
      await store.upsert(collection, points);
    }

    progress.embedded += changed.length;
    progress.skipped += batch.length - changed.length;
    progress.done += batch.length;
    onProgress?.({ ...progress });
  }
  return { embedded: progress.embedded, skipped: progress.skipped };
}

function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
