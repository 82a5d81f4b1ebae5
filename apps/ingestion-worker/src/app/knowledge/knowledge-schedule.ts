import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Logger } from 'winston';
import { KnowledgeReleases } from '@melvin/knowledge/data-access';
import { IngestionJobs, KNOWLEDGE_KINDS, Queues, type IngestKnowledgeJob } from '@melvin/shared/contracts';
import { SERVICE_LOGGER } from '@melvin/shared/observability';
import type { IngestionWorkerConfig } from '../../config/env.schema';
import { INGESTION_CONFIG } from '../jobs/tokens';

const SCHEDULER_ID = 'knowledge-refresh';
const FIRST_LOAD_JOB_ID = 'knowledge-first-load';

/** Keeps knowledge fresh: a repeatable refresh, and a first load when a fresh install has none. */
@Injectable()
export class KnowledgeSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(Queues.ingestion) private readonly queue: Queue,
    @Inject(INGESTION_CONFIG) private readonly config: IngestionWorkerConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly releases: KnowledgeReleases,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const job: IngestKnowledgeJob = { correlationId: 'schedule', data: {} };
    if (this.config.KNOWLEDGE_REFRESH_CRON === 'off') {
      await this.queue.removeJobScheduler(SCHEDULER_ID);
    } else {
      await this.queue.upsertJobScheduler(SCHEDULER_ID, { pattern: this.config.KNOWLEDGE_REFRESH_CRON }, {
        name: IngestionJobs.ingestKnowledge,
        data: job,
        opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      });
    }
    if (!this.config.KNOWLEDGE_INGEST_ON_BOOT) return;
    const active = await this.releases.activeAll();
    const missing = KNOWLEDGE_KINDS.filter((kind) => !active[kind]);
    if (!missing.length) return;
    this.logger.info('no knowledge loaded yet: queueing a first ingestion', { kinds: missing });
    // A fixed job id: several workers starting together queue it once.
    await this.queue.add(IngestionJobs.ingestKnowledge, { correlationId: 'first-load', data: { kinds: missing } }, {
      jobId: FIRST_LOAD_JOB_ID,
      removeOnComplete: true,
      removeOnFail: true,
    });
  }
}
