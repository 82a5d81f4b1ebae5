import type { CardRecord } from '@melvin/knowledge/domain';
import { parseDecklist, playingCardNames, type DecklistProblem } from '../decklist';
import { findLoops } from '../engine/find-loops';
import type { LoopCard } from '../model/loop-card';
import { parseCardAbilities } from '../parser/parse-card';
import { findLoopsInCardPool, type CardPoolAnalysis, type CardPoolOptions } from '../pool/card-pool';
import { findOneCardAway, type OneCardAway, type OneCardAwayOptions } from '../pool/one-card-away';
import { toLoopView, type LoopReport } from '../report';
import type { CardPool, UnknownCard } from './card-pool';

/** Names that did not resolve to one card; the caller decides how to tell the user. */
export class UnknownCardsError extends Error {
  constructor(readonly unknown: UnknownCard[]) {
    super(
      `Unknown card${unknown.length > 1 ? 's' : ''}: ${unknown
        .map((card) => (card.candidates.length ? `"${card.name}" (did you mean ${card.candidates.slice(0, 3).join(', ')}?)` : `"${card.name}"`))
        .join('; ')}`,
    );
  }
}

export class EmptyDecklistError extends Error {
  constructor() {
    super('The decklist has no card lines ("1 Card Name")');
  }
}

export interface DeckAnalysis {
  report: LoopReport;
  problems: DecklistProblem[];
}

/** How many "one card away" suggestions a deck analysis keeps. */
const ONE_CARD_AWAY_LIMIT = 25;

/** Text of the cards the engine could not model: shown so users know what it did not consider. */
function unparsedTextOf(cards: LoopCard[]): Array<{ card: string; text: string }> {
  return cards.flatMap((card) => parseCardAbilities(card).unparsed.map(({ text }) => ({ card: card.name, text })));
}

/**
 * Every loop among exactly these cards (up to ten), with its explanation. Unknown names are
 * refused, or with `analyseKnown` listed in the report while the known cards are analysed.
 */
export function analyseCardSet(pool: CardPool, names: string[], budgetMs: number, { analyseKnown = false } = {}): LoopReport {
  const started = Date.now();
  const { cards, unknown } = pool.resolve(names);
  if (unknown.length && !analyseKnown) throw new UnknownCardsError(unknown);
  const analysis = findLoops(cards, { budgetMs });
  return {
    cards: cards.map((card) => card.name),
    unknown_cards: unknown,
    unparsed: analysis.unparsed,
    loops: analysis.loops.map(toLoopView),
    one_card_away: [],
    exhausted: analysis.exhausted,
    took_ms: Date.now() - started,
  };
}

/** How a deck's cards are searched for loops, spread over worker threads by the caller; `onProgress` gets 0–1. */
export type CardPoolSearcher = (cards: LoopCard[], options: CardPoolOptions, onProgress: (share: number) => void) => Promise<CardPoolAnalysis>;

/** How a pool is searched for cards one away from a loop with the deck, spread over worker threads by the caller; `onProgress` gets 0–1. */
export type OneCardAwaySearcher = (
  deckCards: LoopCard[],
  candidatePool: LoopCard[],
  options: OneCardAwayOptions,
  onProgress: (share: number) => void,
) => Promise<OneCardAway[]>;

/** The searches a deck analysis hands off, so the service's event loop stays free. */
export interface DeckSearchers {
  loops: CardPoolSearcher;
  oneCardAway: OneCardAwaySearcher;
}

interface DeckRequest {
  parsed: ReturnType<typeof parseDecklist>;
  cards: CardRecord[];
  unknown: UnknownCard[];
  started: number;
}

function readDeck(pool: CardPool, decklist: string): DeckRequest {
  const started = Date.now();
  const parsed = parseDecklist(decklist);
  const names = playingCardNames(parsed);
  if (!names.length) throw new EmptyDecklistError();
  return { parsed, ...pool.resolve(names), started };
}

/** Half the budget goes to the deck's own loops when "one card away" gets the other half. */
function loopSearchOptions(options: { oneCardAway: boolean; budgetMs: number }): CardPoolOptions {
  return { maxSize: 3, budgetMs: options.oneCardAway ? options.budgetMs / 2 : options.budgetMs };
}

/** "One card away" gets whatever the deck's own loops left of the budget, at least its half, and skips those loops. */
function oneCardAwayOptions(options: { budgetMs: number }, deck: DeckRequest, analysis: CardPoolAnalysis): OneCardAwayOptions {
  return {
    limit: ONE_CARD_AWAY_LIMIT,
    deckLoops: analysis.loops.map((loop) => loop.cards),
    budgetMs: Math.max(options.budgetMs / 2, options.budgetMs - (Date.now() - deck.started)),
  };
}

/** Where "one card away" looks: Commander-legal cards within the deck's colour identity. */
function candidatesFor(pool: CardPool, deck: DeckRequest): CardRecord[] {
  return pool.commanderCandidates([...new Set(deck.cards.flatMap((card) => card.colorIdentity))]);
}

/** Progress once the deck's own loops are known; "one card away", when asked for, takes the rest. */
function loopsSearchedAt(options: { oneCardAway: boolean }): number {
  return options.oneCardAway ? 50 : 95;
}

/** The report once the deck's own loops and the cards one away from a loop are known. */
function deckAnalysis(deck: DeckRequest, analysis: CardPoolAnalysis, oneAway: OneCardAway[]): DeckAnalysis {
  const { cards } = deck;
  return {
    problems: deck.parsed.problems,
    report: {
      cards: cards.map((card) => card.name),
      unknown_cards: deck.unknown,
      unparsed: unparsedTextOf(cards),
      loops: analysis.loops.map(toLoopView),
      one_card_away: oneAway.map((suggestion) => ({ card: suggestion.card, with: suggestion.with, outcomes: suggestion.loop.outcomes })),
      exhausted: analysis.exhausted,
      took_ms: Date.now() - deck.started,
    },
  };
}

/** Every loop among up to three of a deck's cards, then the cards one away from a loop; `onProgress` gets 0–100. */
export function analyseDeck(
  pool: CardPool,
  decklist: string,
  options: { oneCardAway: boolean; budgetMs: number },
  onProgress: (percent: number) => void = () => undefined,
): DeckAnalysis {
  const deck = readDeck(pool, decklist);
  onProgress(10);
  const analysis = findLoopsInCardPool(deck.cards, loopSearchOptions(options));
  onProgress(loopsSearchedAt(options));
  const oneAway = options.oneCardAway ? findOneCardAway(deck.cards, candidatesFor(pool, deck), oneCardAwayOptions(options, deck, analysis)) : [];
  onProgress(100);
  return deckAnalysis(deck, analysis, oneAway);
}

/** Reports whole percents, each once and only going forward, whichever search they come from. */
function forwardOnly(onProgress: (percent: number) => void): (percent: number) => void {
  let reported = -1;
  return (percent) => {
    const whole = Math.floor(percent);
    if (whole > reported) onProgress((reported = whole));
  };
}

/** `analyseDeck` with its searches run by `searchers` (worker threads in the service). */
export async function analyseDeckWith(
  searchers: DeckSearchers,
  pool: CardPool,
  decklist: string,
  options: { oneCardAway: boolean; budgetMs: number },
  onProgress: (percent: number) => void = () => undefined,
): Promise<DeckAnalysis> {
  const report = forwardOnly(onProgress);
  const deck = readDeck(pool, decklist);
  report(10);
  const searchedAt = loopsSearchedAt(options);
  const analysis = await searchers.loops(deck.cards, loopSearchOptions(options), (share) => report(10 + share * (searchedAt - 10)));
  report(searchedAt);
  const oneAway = options.oneCardAway
    ? await searchers.oneCardAway(deck.cards, candidatesFor(pool, deck), oneCardAwayOptions(options, deck, analysis), (share) => report(searchedAt + share * (100 - searchedAt)))
    : [];
  report(100);
  return deckAnalysis(deck, analysis, oneAway);
}
