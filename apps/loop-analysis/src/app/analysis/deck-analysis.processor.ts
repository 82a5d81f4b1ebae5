import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from 'winston';
import { analyseDeckJobSchema, LoopJobs, Queues } from '@melvin/shared/contracts';
import { runWithCorrelationId, SERVICE_LOGGER } from '@melvin/shared/observability';
import type { LoopAnalysisConfig } from '../../config/env.schema';
import { AnalysisStore } from '../artifacts/analysis-store';
import { LOOP_CONFIG } from '../tokens';
import { LoopAnalyser } from './loop-analyser';
import { LoopMetrics } from './loop-metrics';

/** Runs deck analyses queued through the gateway; progress and the result land on the artifact. */
@Processor(Queues.loopAnalysis)
export class DeckAnalysisProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly analyser: LoopAnalyser,
    private readonly store: AnalysisStore,
    private readonly metrics: LoopMetrics,
    @Inject(LOOP_CONFIG) private readonly config: LoopAnalysisConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.DECK_CONCURRENCY;
  }

  async process(job: Job): Promise<{ analysisId: string; loops: number }> {
    if (job.name !== LoopJobs.analyseDeck) throw new Error(`unknown loop-analysis job "${job.name}"`);
    const { correlationId, data } = analyseDeckJobSchema.parse(job.data);
    return runWithCorrelationId(correlationId, async () => {
      await this.store.update(data.analysisId, { status: 'running', progress: 0 });
      try {
        // Progress goes to the job only: writing it to the artifact too would queue several updates
        // of one document that then race the final one.
        const { report, problems } = await this.analyser.analyseDeck(data.decklist, { oneCardAway: data.oneCardAway }, (percent) => {
          void job.updateProgress(percent);
        });
        this.metrics.record('deck', report);
        await this.store.update(data.analysisId, { status: 'done', progress: 100, report, decklistProblems: problems });
        this.logger.info('deck analysis done', { analysisId: data.analysisId, cards: report.cards.length, loops: report.loops.length, tookMs: report.took_ms });
        return { analysisId: data.analysisId, loops: report.loops.length };
      } catch (error) {
        this.metrics.failed('deck');
        const message = error instanceof Error ? error.message : String(error);
        await this.store.update(data.analysisId, { status: 'failed', error: message });
        throw error;
      }
    });
  }
}
