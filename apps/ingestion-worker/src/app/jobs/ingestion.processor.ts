import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from 'winston';
import { IngestionJobs, Queues, scanSourcesJobSchema, type ScanSourcesResult } from '@melvin/shared/contracts';
import { runWithCorrelationId, SERVICE_LOGGER } from '@melvin/shared/observability';
import { INGESTION_CONFIG } from './tokens';
import type { IngestionWorkerConfig } from '../../config/env.schema';
import { scanSources } from '../sources/scan-sources';

/** The one consumer of the ingestion queue. Payloads are re-parsed: producers deploy separately. */
@Processor(Queues.ingestion)
export class IngestionProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(INGESTION_CONFIG) private readonly config: IngestionWorkerConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  /** The decorator's options are static; concurrency is an operator's choice. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.INGESTION_CONCURRENCY;
  }

  async process(job: Job): Promise<ScanSourcesResult> {
    switch (job.name) {
      case IngestionJobs.scanSources: {
        const { correlationId } = scanSourcesJobSchema.parse(job.data);
        return runWithCorrelationId(correlationId, () => this.scan(job));
      }
      default:
        throw new Error(`unknown ingestion job "${job.name}"`);
    }
  }

  private async scan(job: Job): Promise<ScanSourcesResult> {
    const started = Date.now();
    const result = await scanSources(this.config.DATA_DIR, (percent) => job.updateProgress(percent));
    this.logger.info(`job ${job.name} ${job.id} completed`, {
      jobId: job.id,
      job: job.name,
      files: result.files.length,
      unrecognised: result.unrecognised.length,
      durationMs: Date.now() - started,
    });
    return result;
  }
}
