import { parsedCard } from '../engine/card-catalogue';
import type { Loop } from '../model/loop';
import type { LoopCard } from '../model/loop-card';
import { DEFAULT_PER_SET_MS, FeedGraph, relevant, searchCardSet, searchInOrder, type CardPoolPlan, type Node, type PlannedSearch } from './card-pool';
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
  /** Card names of each loop the deck has already: a card that only adds to one of them is no suggestion. */
  deckLoops?: string[][];
  budgetMs?: number;
  /** Search budget for one card set. */
  perSetMs?: number;
}

/** The options with their defaults, the same whichever thread searches. */
export function oneCardAwaySettings({ limit = 10, deckLoops = [], budgetMs = 3000, perSetMs = DEFAULT_PER_SET_MS }: OneCardAwayOptions = {}): Required<OneCardAwayOptions> {
  return { limit, deckLoops, budgetMs, perSetMs };
}

interface Candidate {
  node: Node;
  /** Deck cards it trades with, either way. */
  partners: Node[];
}

/** Pool cards that give the deck something and get something back (from the deck or from themselves), most trades first. */
function candidates(deckCards: LoopCard[], candidatePool: LoopCard[]): Candidate[] {
  const deck = relevant(deckCards);
  const inDeck = new Set(deckCards.map((c) => c.name));
  return relevant(candidatePool.filter((c) => !inDeck.has(c.name)))
    .map((node) => {
      const gives = deck.filter((d) => feeds(node.signature, d.signature));
      const takes = deck.filter((d) => feeds(d.signature, node.signature));
      return { node, gives, takes, score: gives.length + takes.length };
    })
    .filter((c) => c.gives.length > 0 && (c.takes.length > 0 || feeds(c.node.signature, c.node.signature)))
    .sort((a, b) => b.score - a.score)
    .map(({ node, gives, takes }) => ({ node, partners: [...new Set([...gives, ...takes])] }));
}

/** A candidate's sets worth a search, as indices into [candidate, ...partners]: each partner alone, then each pair. */
function candidateSets({ node, partners }: Candidate): number[][] {
  const graph = new FeedGraph([node, ...partners]);
  const sets = partners.map((_, i) => [0, i + 1]);
  for (let i = 1; i <= partners.length; i += 1) for (let j = i + 1; j <= partners.length; j += 1) sets.push([0, i, j]);
  return sets.filter((set) => graph.couldLoop(set));
}

/**
 * Searches one set of a one-card-away plan as a deck's own sets are searched (capped in states, so the
 * answer does not depend on the machine's load). Parsing comes before the budget starts: planning parsed
 * the cards in this thread already, and a worker's fresh copies should not spend a short search on it.
 */
export function searchOneCardAwaySet(cards: LoopCard[], budgetMs: number): Loop[] {
  for (const card of cards) parsedCard(card);
  return searchCardSet(cards, budgetMs);
}

/**
 * Pool cards one away from a loop with the deck, searched set by set. The pool cards are scored against
 * the deck up front (cheap); each one's sets, itself with one or two deck cards it trades with, are
 * planned only when the search gets to it: a whole pool would plan hundreds of thousands of sets, of
 * which a budget searches a few thousand. A pool card is done once one of its sets finds a loop with
 * it, so its later sets are skipped. Results may come back out of order (parallel workers): each card
 * keeps the loop of its earliest set that found one, as a search in plan order would.
 */
export class OneCardAwaySearch implements PlannedSearch {
  /** Each set starts with the pool card it tries; `cards` holds only cards of planned sets. */
  readonly plan: CardPoolPlan = { cards: [], sets: [] };
  private readonly candidates: Candidate[];
  private readonly indices = new Map<LoopCard, number>();
  /** The loop each searched set found with its pool card in it. */
  private readonly found = new Map<number, Loop>();
  /** Pool cards (indices into the plan's cards) a loop was found for. */
  private readonly done = new Set<number>();
  private nextCandidate = 0;
  private nextSet = 0;

  constructor(
    deckCards: LoopCard[],
    candidatePool: LoopCard[],
    private readonly deckLoops: string[][] = [],
  ) {
    this.candidates = candidates(deckCards, candidatePool);
  }

  take(): number | undefined {
    for (;;) {
      while (this.nextSet < this.plan.sets.length) {
        const set = this.nextSet++;
        if (!this.done.has(this.candidateOf(set))) return set;
      }
      if (this.nextCandidate === this.candidates.length) return undefined;
      this.planCandidate(this.candidates[this.nextCandidate++]);
    }
  }

  /** Share of the pool cards the search has got to, 0–1. */
  get progress(): number {
    return this.candidates.length ? this.nextCandidate / this.candidates.length : 1;
  }

  complete(set: number, loops: Loop[]): void {
    const candidate = this.candidateOf(set);
    const name = this.plan.cards[candidate].name;
    // A loop holding one the deck has already is that loop with one more card: nothing the card completes.
    const loop = loops.find((l) => l.cards.includes(name) && !this.deckLoops.some((known) => known.every((card) => l.cards.includes(card))));
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

  private planCandidate(candidate: Candidate): void {
    const cards = [candidate.node, ...candidate.partners].map((node) => node.card);
    for (const set of candidateSets(candidate)) this.plan.sets.push(set.map((i) => this.indexOf(cards[i])));
  }

  private indexOf(card: LoopCard): number {
    let index = this.indices.get(card);
    if (index === undefined) this.indices.set(card, (index = this.plan.cards.push(card) - 1));
    return index;
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
  const { limit, deckLoops, budgetMs, perSetMs } = oneCardAwaySettings(options);
  const search = new OneCardAwaySearch(deckCards, candidatePool, deckLoops);
  searchInOrder(search, searchOneCardAwaySet, started + budgetMs, perSetMs);
  return search.suggestions(limit);
}
