import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'winston';
import { KnowledgeFollower, KnowledgeReader } from '@melvin/knowledge/data-access';
import { SERVICE_LOGGER, type DependencyCheck } from '@melvin/shared/observability';
import { ServiceFailure } from '@melvin/shared/runtime';
import type { LoopAnalysisConfig } from '../../config/env.schema';
import { LOOP_CONFIG } from '../tokens';
import { CardPool } from '@melvin/loop/domain';

/** The card pool this process analyses with, following the knowledge store's active card release. */
@Injectable()
export class LiveCardPool implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly follower: KnowledgeFollower<CardPool>;
  private readonly readListeners: Array<(pool: CardPool) => void> = [];

  constructor(
    dataSource: DataSource,
    @Inject(LOOP_CONFIG) private readonly config: LoopAnalysisConfig,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    const load = async (reader: KnowledgeReader) => {
      const pool = new CardPool(await reader.loadActiveCards());
      // Served at once; the cards' abilities are read in the background before decks need them.
      const started = Date.now();
      pool.prepare().then(
        () => {
          logger.info('card pool read for loop analysis', { cards: pool.size, took_ms: Date.now() - started });
          for (const listener of this.readListeners) listener(pool);
        },
        (error: unknown) => logger.warn('reading the card pool ahead failed', { error: error instanceof Error ? error.message : String(error) }),
      );
      return pool;
    };
    this.follower = new KnowledgeFollower(new KnowledgeReader(dataSource), load, logger, 'card pool');
  }

  onApplicationBootstrap(): void {
    this.follower.start(this.config.KNOWLEDGE_RELOAD_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    this.follower.stop();
  }

  /** Called each time a loaded pool has been read ahead (see `CardPool.prepare`). */
  onceRead(listener: (pool: CardPool) => void): void {
    this.readListeners.push(listener);
  }

  current(): CardPool {
    const pool = this.follower.current();
    if (!pool) throw new ServiceFailure(503, 'KNOWLEDGE_LOADING', 'Melvin is still loading its card pool; try again in a few seconds');
    if (!pool.size) throw new ServiceFailure(503, 'NO_CARDS', 'No cards have been ingested yet: an admin must run the knowledge ingestion first');
    return pool;
  }

  /** The pool if one is loaded, without refusing (metrics read it). */
  peek(): CardPool | null {
    return this.follower.current();
  }

  readinessCheck(): DependencyCheck {
    return {
      name: 'card-pool',
      check: async () => {
        if (!this.follower.current()) throw new Error('card pool still loading');
      },
    };
  }
}
