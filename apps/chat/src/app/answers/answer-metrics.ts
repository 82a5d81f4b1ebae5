import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import type { AnswerOutcome } from '@melvin/conversation/data-access';
import { MetricsService } from '@melvin/shared/observability';

/** The figures the issue asks for: retrieval latency, time to first token, speed, modes, citation validity. */
@Injectable()
export class AnswerMetrics {
  private readonly retrieval: Histogram;
  private readonly firstToken: Histogram<'mode'>;
  private readonly speed: Histogram;
  private readonly answers: Counter<'mode' | 'status'>;
  private readonly validity: Histogram<'mode'>;
  private readonly citations: Counter<'validity'>;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.retrieval = new Histogram({ name: 'answer_retrieval_seconds', help: 'Time from question to retrieved sources', buckets: [0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2], registers });
    this.firstToken = new Histogram({ name: 'answer_first_token_seconds', help: 'Time from question to the first streamed text, by mode', labelNames: ['mode'], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60], registers });
    this.speed = new Histogram({ name: 'answer_tokens_per_second', help: 'Generation speed of the language model', buckets: [1, 2, 4, 8, 12, 16, 24, 32, 64], registers });
    this.answers = new Counter({ name: 'answers_total', help: 'Answers by mode (generated, extractive, refused, loop) and status', labelNames: ['mode', 'status'], registers });
    this.validity = new Histogram({ name: 'answer_citation_validity', help: 'Share of an answer\'s citations that point at real knowledge', labelNames: ['mode'], buckets: [0, 0.25, 0.5, 0.75, 0.9, 1], registers });
    this.citations = new Counter({ name: 'answer_citations_total', help: 'Citations written in answers, valid or removed as invented', labelNames: ['validity'], registers });
  }

  record(outcome: AnswerOutcome): void {
    this.answers.inc({ mode: outcome.mode, status: outcome.status });
    if (outcome.timings.retrievalMs !== undefined) this.retrieval.observe(outcome.timings.retrievalMs / 1000);
    if (outcome.timings.firstTokenMs !== undefined) this.firstToken.observe({ mode: outcome.mode }, outcome.timings.firstTokenMs / 1000);
    if (outcome.tokensPerSecond) this.speed.observe(outcome.tokensPerSecond);
    this.validity.observe({ mode: outcome.mode }, outcome.citationValidity);
    this.citations.inc({ validity: 'valid' }, outcome.citations.length);
    this.citations.inc({ validity: 'invalid' }, outcome.invalidCitations.length);
  }
}
