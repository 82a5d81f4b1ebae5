import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'winston';
import { analyseCardSet, analyseDeckWith, EmptyDecklistError, ENGINE_VERSION, UnknownCardsError, type DeckAnalysis, type DeckSearchers, type LoopReport, spreadSample } from '@melvin/loop/domain';
import type { CardRecord } from '@melvin/knowledge/domain';
import { SERVICE_LOGGER } from '@melvin/shared/observability';
import { ServiceFailure } from '@melvin/shared/runtime';
import type { LoopAnalysisConfig } from '../../config/env.schema';
import { LiveCardPool } from '../cards/live-card-pool';
import { LOOP_CONFIG } from '../tokens';
import { CardPoolThreads } from './card-pool-threads';

/** Cards of the pool each deck thread warms up on. */
const WARM_UP_SAMPLE = 2400;

/**
 * Runs the engine over the live card pool; engine refusals become answers the gateway can relay.
 * A deck's searches (its own loops, then cards one away) run on worker threads, so a long deck never
 * blocks the event loop.
 */
@Injectable()
export class LoopAnalyser implements OnApplicationBootstrap, OnModuleDestroy {
  readonly engineVersion = ENGINE_VERSION;
  private readonly threads: CardPoolThreads;

  constructor(
    private readonly pool: LiveCardPool,
    @Inject(LOOP_CONFIG) private readonly config: LoopAnalysisConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.threads = new CardPoolThreads(config.DECK_THREADS);
  }

  /**
   * Loading the engine in every thread takes a moment: done at start, not during the first deck. Once
   * the first card pool is read, the threads also run it over a sample of its cards (see `warmUpEngine`).
   */
  onApplicationBootstrap(): void {
    this.warmUp('deck search threads ready');
    let warmed = false;
    this.pool.onceRead((pool) => {
      if (warmed || !pool.size) return;
      warmed = true;
      this.warmUp('deck search threads warmed up on the card pool', spreadSample(pool.cards, WARM_UP_SAMPLE), this.config.DECK_WARM_UP_MS);
    });
  }

  private warmUp(done: string, sample: CardRecord[] = [], budgetMs = 0): void {
    const started = Date.now();
    this.threads.warmUp(sample, budgetMs).then(
      () => this.logger.info(done, { threads: this.config.DECK_THREADS, took_ms: Date.now() - started }),
      (error: unknown) => this.logger.error('deck search threads failed to start', { error: error instanceof Error ? error.message : String(error) }),
    );
  }

  onModuleDestroy(): Promise<void> {
    return this.threads.close();
  }

  analyseCards(names: string[]): LoopReport {
    try {
      return analyseCardSet(this.pool.current(), names, this.config.LOOP_BUDGET_MS);
    } catch (error) {
      return refusalAsFailure(error);
    }
  }

  async analyseDeck(decklist: string, options: { oneCardAway: boolean }, onProgress: (percent: number) => void): Promise<DeckAnalysis> {
    const searchers: DeckSearchers = {
      loops: (cards, searchOptions, onSearched) => this.threads.findLoops(cards, searchOptions, onSearched),
      oneCardAway: (deckCards, candidatePool, searchOptions, onSearched) => this.threads.findOneCardAway(deckCards, candidatePool, searchOptions, onSearched),
    };
    try {
      return await analyseDeckWith(searchers, this.pool.current(), decklist, { ...options, budgetMs: this.config.DECK_BUDGET_MS }, onProgress);
    } catch (error) {
      return refusalAsFailure(error);
    }
  }
}

/** Engine refusals become answers the gateway can relay; anything else stays an error. */
function refusalAsFailure(error: unknown): never {
  if (error instanceof UnknownCardsError) throw new ServiceFailure(404, 'UNKNOWN_CARDS', error.message, { unknown_cards: error.unknown });
  if (error instanceof EmptyDecklistError) throw new ServiceFailure(400, 'EMPTY_DECKLIST', error.message);
  throw error;
}
