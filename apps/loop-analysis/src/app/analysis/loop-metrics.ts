import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { parsedAbilityShare, type CardPool, type LoopReport } from '@melvin/loop/domain';
import type { AnalysisKind } from '@melvin/shared/contracts';
import { MetricsService } from '@melvin/shared/observability';
import { LiveCardPool } from '../cards/live-card-pool';

/** Analyses, their durations, loops found, and how much of the card pool's text the parser understands. */
@Injectable()
export class LoopMetrics {
  private readonly analyses: Counter<'kind' | 'outcome'>;
  private readonly duration: Histogram<'kind'>;
  private readonly loopsFound: Counter<'kind'>;
  private shareOf: { pool: CardPool; share: number } | null = null;

  constructor(metrics: MetricsService, pool: LiveCardPool) {
    this.analyses = new Counter({ name: 'loop_analyses_total', help: 'Loop analyses by kind and outcome', labelNames: ['kind', 'outcome'], registers: [metrics.registry] });
    this.duration = new Histogram({
      name: 'loop_analysis_duration_seconds',
      help: 'Loop analysis time by kind',
      labelNames: ['kind'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
      registers: [metrics.registry],
    });
    this.loopsFound = new Counter({ name: 'loops_found_total', help: 'Loops reported, by analysis kind', labelNames: ['kind'], registers: [metrics.registry] });
    // Parsing the whole pool takes a few seconds: done once per pool, at the first scrape after it loads.
    metrics.registerGauge('loop_unparsed_ability_share', 'Share of the card pool abilities the oracle-text parser could not model', [], async (gauge) => {
      const current = pool.peek();
      if (!current) return;
      if (this.shareOf?.pool !== current) this.shareOf = { pool: current, share: 1 - parsedAbilityShare(current.cards).share };
      gauge.set(this.shareOf.share);
    });
  }

  timed(kind: AnalysisKind, analyse: () => LoopReport): LoopReport {
    const stop = this.duration.startTimer({ kind });
    try {
      const report = analyse();
      this.record(kind, report);
      return report;
    } catch (error) {
      this.analyses.inc({ kind, outcome: 'error' });
      throw error;
    } finally {
      stop();
    }
  }

  record(kind: AnalysisKind, report: LoopReport): void {
    this.analyses.inc({ kind, outcome: 'ok' });
    this.loopsFound.inc({ kind }, report.loops.length);
  }

  failed(kind: AnalysisKind): void {
    this.analyses.inc({ kind, outcome: 'error' });
  }
}
