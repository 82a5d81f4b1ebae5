import {
  createDenseRetriever,
  denseCollectionName,
  indexDocumentsDensely,
  InMemoryVectorStore,
  type DenseRetriever,
  type DocumentKind,
  type Embedder,
  type VectorStore,
} from '@melvin/knowledge/retrieval';
import type { FollowerLog } from './knowledge-follower';
import type { KnowledgeBase } from './knowledge-base';

export interface DenseSettings {
  embedder: Embedder;
  /** Qdrant when configured; otherwise vectors live in this process. */
  store?: VectorStore;
  /** Which documents get vectors: embedding every card and ruling takes hours on a small CPU. */
  kinds: DocumentKind[];
}

/** Weight of the dense ranking against the lexical and structural ones in rank fusion. */
const DENSE_WEIGHT = 1;
const DENSE_CANDIDATES = 50;

/**
 * The optional dense half of search. Vectors are built in the background after each knowledge
 * load (unchanged texts are skipped); until they are ready, search is lexical only.
 */
export class DenseSearch {
  private retriever: DenseRetriever | null = null;
  private preparedFor: KnowledgeBase | null = null;
  private readonly store: VectorStore;

  constructor(
    private readonly settings: DenseSettings,
    private readonly log: FollowerLog,
  ) {
    this.store = settings.store ?? new InMemoryVectorStore();
  }

  get ready(): boolean {
    return this.retriever !== null;
  }

  /** Embeds the base's documents of the configured kinds; safe to call again for a newer base. */
  async prepare(base: KnowledgeBase): Promise<void> {
    this.preparedFor = base;
    const docs = base.index
      .documents()
      .filter((doc) => this.settings.kinds.includes(doc.kind))
      .map((doc) => ({ id: doc.id, kind: doc.kind, text: doc.text }));
    if (!docs.length) return;
    try {
      const [probe] = await this.settings.embedder.embed([docs[0].text]);
      const collection = denseCollectionName(this.settings.embedder.model, probe.length);
      await this.store.ensureCollection(collection, probe.length);
      const started = Date.now();
      const result = await indexDocumentsDensely({
        docs,
        embedder: this.settings.embedder,
        store: this.store,
        collection,
        onProgress: (progress) => {
          if (progress.done % 1000 < 128) this.log.info('dense indexing', { ...progress });
        },
      });
      if (this.preparedFor !== base) return;
      this.retriever = createDenseRetriever(this.settings.embedder, this.store, collection);
      this.log.info('dense retrieval ready', { collection, ...result, durationMs: Date.now() - started });
    } catch (error) {
      this.log.warn('dense retrieval unavailable; search stays lexical', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private live: { base: KnowledgeBase; ids: Set<string> } | null = null;

  /** Vectors of documents a newer release dropped stay in the store: only ids the base still has count. */
  private liveIds(base: KnowledgeBase): Set<string> {
    if (this.live?.base !== base) this.live = { base, ids: new Set(base.index.documents().map((doc) => doc.id)) };
    return this.live.ids;
  }

  /** The dense ranking for fusion, or nothing when vectors are not ready or the model fails. */
  async rankings(base: KnowledgeBase, query: string, kinds?: DocumentKind[]): Promise<Array<{ ids: string[]; weight: number }>> {
    if (!this.retriever) return [];
    try {
      const wanted = (kinds ?? this.settings.kinds).filter((kind) => this.settings.kinds.includes(kind));
      if (!wanted.length) return [];
      const ids = await this.retriever.search(query, { k: DENSE_CANDIDATES, kinds: wanted });
      const live = this.liveIds(base);
      return [{ ids: ids.filter((id) => live.has(id)), weight: DENSE_WEIGHT }];
    } catch (error) {
      this.log.warn('dense search failed; answering from lexical search', { error: error instanceof Error ? error.message : String(error) });
      return [];
    }
  }
}
