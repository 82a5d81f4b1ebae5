import { parsedCard } from '../engine/card-catalogue';
import { findLoops } from '../engine/find-loops';
import type { Loop } from '../model/loop';
import type { LoopCard } from '../model/loop-card';
import { couldLoop, relevant, searchInOrder, type CardPoolPlan, type Node, type PlannedSearch } from './card-pool';
import { feeds } from './resource-signature';

export interface OneCardAway {
  card: string;
  /** Cards of the deck the new card loops with. */
  with: string[];
  loop: Loop;
}

export interface OneCardAwayOptions {
  /** Suggestions kept, best first. */
  limit?: number;
  budgetMs?: number;
  /** Search budget for one card set. */
  perSetMs?: number;
}

/** The options with their defaults, the same whichever thread searches. */
export function oneCardAwaySettings({ limit = 10, budgetMs = 3000, perSetMs = 10 }: OneCardAwayOptions = {}): Required<OneCardAwayOptions> {
  return { limit, budgetMs, perSetMs };
}

/**
 * The card sets to search for "one card away". Each set starts with the pool card it tries, followed by
 * one or two deck cards; a pool card's sets come together, best scored pool cards first. `cards` holds
 * only the cards of these sets, so a worker never gets the whole pool.
 */
export type OneCardAwayPlan = CardPoolPlan;

interface Candidate {
  node: Node;
  /** Deck cards it trades with either way. */
  partners: Node[];
}

/** Pool cards that give the deck something and get something back (from the deck or from themselves), most trades first. */
function candidates(deck: Node[], pool: Node[]): Candidate[] {
  return pool
    .map((node) => {
      const gives = deck.filter((d) => feeds(node.signature, d.signature));
      const takes = deck.filter((d) => feeds(d.signature, node.signature));
      return { node, gives, takes, score: gives.length + takes.length };
    })
    .filter((c) => c.gives.length > 0 && (c.takes.length > 0 || feeds(c.node.signature, c.node.signature)))
    .sort((a, b) => b.score - a.score)
    .map(({ node, gives, takes }) => ({ node, partners: [...new Set([...gives, ...takes])] }));
}

/** Each partner alone, then each pair of them. */
function partnerSets(partners: Node[]): Node[][] {
  const sets = partners.map((p) => [p]);
  for (let i = 0; i < partners.length; i += 1) for (let j = i + 1; j < partners.length; j += 1) sets.push([partners[i], partners[j]]);
  return sets;
}

/** Scores the pool's cards against the deck and lists the sets worth a search; no search yet. */
export function planOneCardAway(deckCards: LoopCard[], candidatePool: LoopCard[]): OneCardAwayPlan {
  const inDeck = new Set(deckCards.map((c) => c.name));
  const plan: OneCardAwayPlan = { cards: [], sets: [] };
  const indices = new Map<LoopCard, number>();
  const indexOf = ({ card }: Node) => {
    let index = indices.get(card);
    if (index === undefined) indices.set(card, (index = plan.cards.push(card) - 1));
    return index;
  };
  for (const { node, partners } of candidates(relevant(deckCards), relevant(candidatePool.filter((c) => !inDeck.has(c.name))))) {
    for (const partnerSet of partnerSets(partners)) {
      const set = [node, ...partnerSet];
      if (couldLoop(set)) plan.sets.push(set.map(indexOf));
    }
  }
  return plan;
}

/**
 * Searches one set of a one-card-away plan. Parsing comes before the budget starts: planning parsed the
 * cards in this thread already, and a worker's fresh copies should not spend a short search on it.
 */
export function searchOneCardAwaySet(cards: LoopCard[], budgetMs: number): Loop[] {
  for (const card of cards) parsedCard(card);
  return findLoops(cards, { budgetMs }).loops;
}

/**
 * Walks a one-card-away plan's sets in order. A pool card is done once one of its sets finds a loop
 * with it, so its later sets are skipped. Results may come back out of order (parallel workers): each
 * card keeps the loop of its earliest set that found one, as a search in plan order would.
 */
export class OneCardAwaySearch implements PlannedSearch {
  /** The loop each searched set found with its pool card in it. */
  private readonly found = new Map<number, Loop>();
  /** Pool cards (indices into the plan's cards) a loop was found for. */
  private readonly done = new Set<number>();
  private nextSet = 0;
  private settled = 0;

  constructor(readonly plan: OneCardAwayPlan) {}

  take(): number | undefined {
    while (this.nextSet < this.plan.sets.length) {
      const set = this.nextSet++;
      if (!this.done.has(this.candidateOf(set))) return set;
      this.settled += 1;
    }
    return undefined;
  }

  /** Share of the sets searched or skipped so far, 0–1. */
  get progress(): number {
    return this.plan.sets.length ? this.settled / this.plan.sets.length : 1;
  }

  complete(set: number, loops: Loop[]): void {
    this.settled += 1;
    const candidate = this.candidateOf(set);
    const loop = loops.find((l) => l.cards.includes(this.plan.cards[candidate].name));
    if (loop) {
      this.found.set(set, loop);
      this.done.add(candidate);
    }
  }

  /** The pool cards found one away from a loop, best first: fewest cards, then most outcomes. */
  suggestions(limit: number): OneCardAway[] {
    const suggested = new Map<number, OneCardAway>();
    for (const [set, loop] of [...this.found].sort(([a], [b]) => a - b)) {
      const candidate = this.candidateOf(set);
      if (suggested.has(candidate)) continue;
      const card = this.plan.cards[candidate].name;
      suggested.set(candidate, { card, with: loop.cards.filter((name) => name !== card), loop });
    }
    return [...suggested.values()]
      .sort((a, b) => a.loop.cards.length - b.loop.cards.length || b.loop.outcomes.length - a.loop.outcomes.length)
      .slice(0, limit);
  }

  private candidateOf(set: number): number {
    return this.plan.sets[set][0];
  }
}

/**
 * Cards from a pool that would complete a loop with one or two cards of the deck, best first
 * (fewest cards, then most outcomes), searched in this thread. The pool is pruned by signatures before any search.
 */
export function findOneCardAway(deckCards: LoopCard[], candidatePool: LoopCard[], options: OneCardAwayOptions = {}): OneCardAway[] {
  const started = performance.now();
  const { limit, budgetMs, perSetMs } = oneCardAwaySettings(options);
  const search = new OneCardAwaySearch(planOneCardAway(deckCards, candidatePool));
  searchInOrder(search, searchOneCardAwaySet, started + budgetMs, perSetMs);
  return search.suggestions(limit);
}
