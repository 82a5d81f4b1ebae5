import { embeddingInstructions, type Embedder } from './embedder';
import type { VectorSearchOptions, VectorStore } from './vector-store';

/** Dense half of hybrid search: document ids, most similar first, ready for rank fusion. */
export interface DenseRetriever {
  search(query: string, options: VectorSearchOptions): Promise<string[]>;
}

export function createDenseRetriever(embedder: Embedder, store: VectorStore, collection: string): DenseRetriever {
  const { query: prefix } = embeddingInstructions(embedder.model);
  return {
    async search(query, options) {
      // An empty question has no meaning to embed; asking the model would only cost a round trip.
      if (query.trim() === '') return [];
      const [vector] = await embedder.embed([prefix + query]);
      const hits = await store.search(collection, vector, options);
      return hits.map((hit) => hit.id);
    },
  };
}
