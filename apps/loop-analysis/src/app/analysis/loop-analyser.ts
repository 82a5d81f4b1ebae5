import { Inject, Injectable } from '@nestjs/common';
import { analyseCardSet, analyseDeck, EmptyDecklistError, ENGINE_VERSION, UnknownCardsError, type DeckAnalysis, type LoopReport } from '@melvin/loop/domain';
import { ServiceFailure } from '@melvin/shared/runtime';
import type { LoopAnalysisConfig } from '../../config/env.schema';
import { LiveCardPool } from '../cards/live-card-pool';
import { LOOP_CONFIG } from '../tokens';

/** Runs the engine over the live card pool; engine refusals become answers the gateway can relay. */
@Injectable()
export class LoopAnalyser {
  readonly engineVersion = ENGINE_VERSION;

  constructor(
    private readonly pool: LiveCardPool,
    @Inject(LOOP_CONFIG) private readonly config: LoopAnalysisConfig,
  ) {}

  analyseCards(names: string[]): LoopReport {
    return refusalsAsFailures(() => analyseCardSet(this.pool.current(), names, this.config.LOOP_BUDGET_MS));
  }

  analyseDeck(decklist: string, options: { oneCardAway: boolean }, onProgress: (percent: number) => void): DeckAnalysis {
    return refusalsAsFailures(() => analyseDeck(this.pool.current(), decklist, { ...options, budgetMs: this.config.DECK_BUDGET_MS }, onProgress));
  }
}

function refusalsAsFailures<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof UnknownCardsError) throw new ServiceFailure(404, 'UNKNOWN_CARDS', error.message, { unknown_cards: error.unknown });
    if (error instanceof EmptyDecklistError) throw new ServiceFailure(400, 'EMPTY_DECKLIST', error.message);
    throw error;
  }
}
