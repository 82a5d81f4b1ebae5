import { Inject, Injectable } from '@nestjs/common';
import {
  ENGINE_VERSION,
  findLoops,
  findLoopsInCardPool,
  findOneCardAway,
  parseCardAbilities,
  parseDecklist,
  playingCardNames,
  toLoopView,
  type DecklistProblem,
  type LoopCard,
  type LoopReport,
} from '@melvin/loop/domain';
import { ServiceFailure } from '@melvin/shared/runtime';
import type { LoopAnalysisConfig } from '../../config/env.schema';
import { LiveCardPool } from '../cards/live-card-pool';
import { LOOP_CONFIG } from '../tokens';

export interface DeckAnalysis {
  report: LoopReport;
  problems: DecklistProblem[];
}

/** How many "one card away" suggestions a deck analysis keeps. */
const ONE_CARD_AWAY_LIMIT = 25;

/** Runs the engine over resolved cards and shapes its answer as a report. */
@Injectable()
export class LoopAnalyser {
  readonly engineVersion = ENGINE_VERSION;

  constructor(
    private readonly pool: LiveCardPool,
    @Inject(LOOP_CONFIG) private readonly config: LoopAnalysisConfig,
  ) {}

  analyseCards(names: string[]): LoopReport {
    const started = Date.now();
    const { cards, unknown } = this.pool.current().resolve(names);
    if (unknown.length) {
      const list = unknown.map((card) => (card.candidates.length ? `"${card.name}" (did you mean ${card.candidates.slice(0, 3).join(', ')}?)` : `"${card.name}"`));
      throw new ServiceFailure(404, 'UNKNOWN_CARDS', `Unknown card${unknown.length > 1 ? 's' : ''}: ${list.join('; ')}`, { unknown_cards: unknown });
    }
    const analysis = findLoops(cards, { budgetMs: this.config.LOOP_BUDGET_MS });
    return {
      cards: cards.map((card) => card.name),
      unknown_cards: [],
      unparsed: analysis.unparsed,
      loops: analysis.loops.map(toLoopView),
      one_card_away: [],
      exhausted: analysis.exhausted,
      took_ms: Date.now() - started,
    };
  }

  /** Every loop among up to three of the deck's cards, then the cards one away from a loop; `onProgress` gets 0–100. */
  analyseDeck(decklist: string, options: { oneCardAway: boolean }, onProgress: (percent: number) => void): DeckAnalysis {
    const started = Date.now();
    const parsed = parseDecklist(decklist);
    const names = playingCardNames(parsed);
    if (!names.length) throw new ServiceFailure(400, 'EMPTY_DECKLIST', 'The decklist has no card lines ("1 Card Name")');
    const pool = this.pool.current();
    const { cards, unknown } = pool.resolve(names);
    onProgress(10);
    const budgetMs = this.config.DECK_BUDGET_MS;
    const analysis = findLoopsInCardPool(cards, { maxSize: 3, budgetMs: options.oneCardAway ? budgetMs / 2 : budgetMs });
    onProgress(options.oneCardAway ? 50 : 95);
    const identity = [...new Set(cards.flatMap((card) => card.colorIdentity))];
    const oneAway = options.oneCardAway
      ? findOneCardAway(cards, pool.commanderCandidates(identity), { limit: ONE_CARD_AWAY_LIMIT, budgetMs: budgetMs / 2 })
      : [];
    onProgress(100);
    return {
      problems: parsed.problems,
      report: {
        cards: cards.map((card) => card.name),
        unknown_cards: unknown,
        unparsed: unparsedTextOf(cards),
        loops: analysis.loops.map(toLoopView),
        one_card_away: oneAway.map((suggestion) => ({ card: suggestion.card, with: suggestion.with, outcomes: suggestion.loop.outcomes })),
        exhausted: analysis.exhausted,
        took_ms: Date.now() - started,
      },
    };
  }
}

/** Text of the cards that the engine could not model: shown so users know what it did not consider. */
function unparsedTextOf(cards: LoopCard[]): Array<{ card: string; text: string }> {
  return cards.flatMap((card) => parseCardAbilities(card).unparsed.map(({ text }) => ({ card: card.name, text })));
}
