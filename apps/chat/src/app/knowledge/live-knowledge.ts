import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'winston';
import { KnowledgeBase, KnowledgeFollower, KnowledgeReader } from '@melvin/knowledge/data-access';
import { SERVICE_LOGGER, type DependencyCheck } from '@melvin/shared/observability';
import { ServiceFailure } from '@melvin/shared/runtime';
import type { ChatConfig } from '../../config/env.schema';
import { CHAT_CONFIG } from '../tokens';

/** The knowledge base this process answers from, in memory, following the store's active releases. */
@Injectable()
export class LiveKnowledge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly follower: KnowledgeFollower<KnowledgeBase>;

  constructor(
    dataSource: DataSource,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    this.follower = new KnowledgeFollower(
      new KnowledgeReader(dataSource),
      async (reader) => KnowledgeBase.build(await reader.loadCorpus()),
      logger,
      'knowledge base',
    );
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
