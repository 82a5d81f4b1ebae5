import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from 'winston';
import { KnowledgeIngestion } from '@melvin/knowledge/data-access';
import {
  IngestionJobs,
  ingestKnowledgeJobSchema,
  Queues,
  scanSourcesJobSchema,
  type IngestKnowledgeResult,
  type ScanSourcesResult,
} from '@melvin/shared/contracts';
import { runWithCorrelationId, SERVICE_LOGGER } from '@melvin/shared/observability';
import { INGESTION_CONFIG } from './tokens';
import type { IngestionWorkerConfig } from '../../config/env.schema';
import { runKnowledgeJob, sourcesForJob } from '../knowledge/knowledge-job';
import { scanSources } from '../sources/scan-sources';

/** The one consumer of the ingestion queue. Payloads are re-parsed: producers deploy separately. */
@Processor(Queues.ingestion)
export class IngestionProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(INGESTION_CONFIG) private readonly config: IngestionWorkerConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly ingestion: KnowledgeIngestion,
  ) {
    super();
  }

  /** The decorator's options are static; concurrency is an operator's choice. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.INGESTION_CONCURRENCY;
  }

  async process(job: Job): Promise<ScanSourcesResult | IngestKnowledgeResult> {
    switch (job.name) {
      case IngestionJobs.scanSources: {
        const { correlationId } = scanSourcesJobSchema.parse(job.data);
        return runWithCorrelationId(correlationId, () => this.timed(job, () => scanSources(this.config.DATA_DIR, (percent) => job.updateProgress(percent))));
      }
      case IngestionJobs.ingestKnowledge: {
        const { correlationId, data } = ingestKnowledgeJobSchema.parse(job.data);
        return runWithCorrelationId(correlationId, () =>
          this.timed(job, async () => {
            const sources = await sourcesForJob(this.config.DATA_DIR, data);
            const trigger = job.repeatJobKey ? 'schedule' : `job:${job.id}`;
            return runKnowledgeJob(job, this.ingestion, sources, trigger);
          }),
        );
      }
      default:
        throw new Error(`unknown ingestion job "${job.name}"`);
    }
  }

  private async timed<T>(job: Job, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await work();
    this.logger.info(`job ${job.name} ${job.id} completed`, { jobId: job.id, job: job.name, durationMs: Date.now() - started });
    return result;
  }
}
