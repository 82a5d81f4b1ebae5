import { InjectQueue } from '@nestjs/bullmq';
import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Queue } from 'bullmq';
import { toDot, toMermaid } from '@melvin/loop/domain';
import {
  analyseCardsRequestSchema,
  analyseDeckRequestSchema,
  analysisByIdRequestSchema,
  listAnalysesRequestSchema,
  LoopJobs,
  MessagePatterns,
  Queues,
  type AnalyseDeckJob,
  type AnalysisView,
} from '@melvin/shared/contracts';
import { ServiceErrorFilter } from '@melvin/shared/runtime';
import { AnalysisStore } from '../artifacts/analysis-store';
import { LoopAnalyser } from './loop-analyser';
import { LoopMetrics } from './loop-metrics';

/** Loop analysis over Redis: card sets answered at once, decks queued as jobs, artifacts read back by their owner. */
@Controller()
@UseFilters(ServiceErrorFilter)
export class LoopsController {
  constructor(
    private readonly analyser: LoopAnalyser,
    private readonly store: AnalysisStore,
    @InjectQueue(Queues.loopAnalysis) private readonly queue: Queue,
    private readonly metrics: LoopMetrics,
  ) {}

  @MessagePattern(MessagePatterns.loops.analyseCards)
  async analyseCards(@Payload() message: unknown): Promise<AnalysisView> {
    const { data } = analyseCardsRequestSchema.parse(message);
    const report = this.metrics.timed('cards', () => this.analyser.analyseCards(data.cards));
    return this.store.create({
      ownerId: data.actor.id,
      kind: 'cards',
      title: report.cards.join(' + ').slice(0, 120),
      input: { cards: data.cards },
      status: 'done',
      progress: 100,
      report,
      engineVersion: this.analyser.engineVersion,
    });
  }

  @MessagePattern(MessagePatterns.loops.startDeck)
  async startDeck(@Payload() message: unknown): Promise<AnalysisView> {
    const { correlationId, data } = analyseDeckRequestSchema.parse(message);
    const analysis = await this.store.create({
      ownerId: data.actor.id,
      kind: 'deck',
      title: data.title || 'Deck analysis',
      input: { decklist: data.decklist },
      status: 'queued',
      engineVersion: this.analyser.engineVersion,
    });
    const job: AnalyseDeckJob = { correlationId, data: { ...data, analysisId: analysis.id } };
    const queued = await this.queue.add(LoopJobs.analyseDeck, job, { attempts: 1, removeOnComplete: { count: 500 }, removeOnFail: { count: 500 } });
    await this.store.update(analysis.id, { jobId: String(queued.id) });
    return { ...analysis, status: 'queued' };
  }

  @MessagePattern(MessagePatterns.loops.list)
  list(@Payload() message: unknown) {
    const { data } = listAnalysesRequestSchema.parse(message);
    return this.store.list(data.actor, data);
  }

  @MessagePattern(MessagePatterns.loops.get)
  async get(@Payload() message: unknown): Promise<AnalysisView> {
    const { data } = analysisByIdRequestSchema.parse(message);
    const analysis = await this.store.get(data.actor, data.id);
    if (analysis.status === 'done' || analysis.status === 'failed') return analysis;
    // While a deck runs, its progress lives on the job.
    const jobId = await this.store.jobIdOf(data.id);
    const job = jobId ? await this.queue.getJob(jobId) : undefined;
    return typeof job?.progress === 'number' ? { ...analysis, progress: job.progress } : analysis;
  }

  /** `{format, contentType, body}`: JSON is the report itself, Mermaid and DOT draw its loops. */
  @MessagePattern(MessagePatterns.loops.export)
  async export(@Payload() message: unknown) {
    const { data } = analysisByIdRequestSchema.parse(message);
    const analysis = await this.store.get(data.actor, data.id);
    const graph = analysis.graph ?? { nodes: [], edges: [] };
    switch (data.format ?? 'json') {
      case 'mermaid':
        return { format: 'mermaid', contentType: 'text/vnd.mermaid; charset=utf-8', body: toMermaid(graph) };
      case 'dot':
        return { format: 'dot', contentType: 'text/vnd.graphviz; charset=utf-8', body: toDot(graph) };
      default:
        return { format: 'json', contentType: 'application/json; charset=utf-8', body: JSON.stringify(analysis, null, 2) };
    }
  }
}
