import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'winston';
import { KnowledgeBase, KnowledgeReader } from '@melvin/knowledge/data-access';
import { SERVICE_LOGGER, type DependencyCheck } from '@melvin/shared/observability';
import { ServiceFailure } from '@melvin/shared/runtime';
import type { ChatConfig } from '../../config/env.schema';
import { CHAT_CONFIG } from '../tokens';

/**
 * The knowledge base this process answers from, kept in memory. It follows the store: when the
 * ingestion worker activates a new release, the next poll rebuilds the index beside the old one and
 * swaps it in, so requests never see a half-built index.
 */
@Injectable()
export class LiveKnowledge implements OnApplicationBootstrap, OnApplicationShutdown {
  private base: KnowledgeBase | null = null;
  private loadedVersion: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private loading: Promise<void> | null = null;
  private readonly reader: KnowledgeReader;

  constructor(
    dataSource: DataSource,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.reader = new KnowledgeReader(dataSource);
  }

  onApplicationBootstrap(): void {
    this.loading = this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.config.KNOWLEDGE_RELOAD_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The current knowledge base; 503 until the first load has finished. */
  current(): KnowledgeBase {
    if (!this.base) throw new ServiceFailure(503, 'KNOWLEDGE_LOADING', 'Melvin is still loading its knowledge base; try again in a few seconds');
    return this.base;
  }

  async whenLoaded(): Promise<KnowledgeBase> {
    await this.loading;
    return this.current();
  }

  /** Ready once the first load is done (an empty store counts: there is nothing to wait for). */
  readinessCheck(): DependencyCheck {
    return {
      name: 'knowledge',
      check: async () => {
        if (!this.base) throw new Error('knowledge base still loading');
      },
    };
  }

  private refreshing = false;

  private async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      const version = await this.reader.version();
      if (version === this.loadedVersion && this.base) return;
      const started = Date.now();
      const base = KnowledgeBase.build(await this.reader.loadCorpus());
      this.base = base;
      this.loadedVersion = version;
      this.logger.info('knowledge base loaded', { ...base.status(), durationMs: Date.now() - started });
    } catch (error) {
      this.logger.warn('could not load the knowledge base; keeping the previous one', { error: error instanceof Error ? error.message : String(error) });
    } finally {
      this.refreshing = false;
    }
  }
}
