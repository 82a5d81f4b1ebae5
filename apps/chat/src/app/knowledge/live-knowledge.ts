import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'winston';
import {
  DenseSearch,
  KnowledgeBase,
  KnowledgeFollower,
  KnowledgeReader,
  OllamaEmbedder,
  QdrantVectorStore,
  toSearchResultView,
  type HitKind,
  type SearchResultView,
} from '@melvin/knowledge/data-access';
import { SERVICE_LOGGER, type DependencyCheck } from '@melvin/shared/observability';
import { ServiceFailure } from '@melvin/shared/runtime';
import type { ChatConfig } from '../../config/env.schema';
import { CHAT_CONFIG } from '../tokens';

/** The knowledge base this process answers from, in memory, following the store's active releases. */
@Injectable()
export class LiveKnowledge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly follower: KnowledgeFollower<KnowledgeBase>;
  private readonly dense: DenseSearch | null;

  constructor(
    dataSource: DataSource,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    this.dense = denseSearchFrom(config, logger);
    this.follower = new KnowledgeFollower(
      new KnowledgeReader(dataSource),
      async (reader) => {
        const base = KnowledgeBase.build(await reader.loadCorpus());
        // Vectors follow in the background; search is lexical until they are ready.
        void this.dense?.prepare(base);
        return base;
      },
      logger,
      'knowledge base',
    );
  }

  /** Search hits for the answer pipeline, with the same fusion as `search`. */
  async searchHits(query: string, k: number, kinds?: HitKind[]) {
    const base = this.current();
    const extraRankings = this.dense ? await this.dense.rankings(base, query, kinds) : [];
    return base.search(query, { k, kinds, extraRankings });
  }

  /** Lexical and structural search, fused with dense retrieval when a model is configured and ready. */
  async search(query: string, options: { k: number; kinds?: HitKind[] }): Promise<{ query: string; results: SearchResultView[] }> {
    return { query, results: (await this.searchHits(query, options.k, options.kinds)).map(toSearchResultView) };
  }

  onApplicationBootstrap(): void {
    this.follower.start(this.config.KNOWLEDGE_RELOAD_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    this.follower.stop();
  }

  /** The current knowledge base; 503 until the first load has finished. */
  current(): KnowledgeBase {
    const base = this.follower.current();
    if (!base) throw new ServiceFailure(503, 'KNOWLEDGE_LOADING', 'Melvin is still loading its knowledge base; try again in a few seconds');
    return base;
  }

  /** Settles when the first load has been attempted (tests and the CLI wait on it). */
  async whenLoaded(): Promise<void> {
    await this.follower.whenLoaded();
  }

  /** Ready once the first load is done (an empty store counts: there is nothing to wait for). */
  readinessCheck(): DependencyCheck {
    return {
      name: 'knowledge',
      check: async () => {
        if (!this.follower.current()) throw new Error('knowledge base still loading');
      },
    };
  }
}

function denseSearchFrom(config: ChatConfig, logger: Logger): DenseSearch | null {
  if (!config.OLLAMA_URL || !config.OLLAMA_EMBED_MODEL) return null;
  return new DenseSearch(
    {
      embedder: new OllamaEmbedder({ url: config.OLLAMA_URL, model: config.OLLAMA_EMBED_MODEL }),
      store: config.QDRANT_URL ? new QdrantVectorStore({ url: config.QDRANT_URL, apiKey: config.QDRANT_API_KEY }) : undefined,
      kinds: config.DENSE_KINDS,
    },
    logger,
  );
}
