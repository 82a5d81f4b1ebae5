import { parsedCard } from '../engine/card-catalogue';
import { findLoops, minimalLoops } from '../engine/find-loops';
import type { Loop } from '../model/loop';
import type { LoopCard } from '../model/loop-card';
import { feeds, feedsAny, feedsItself, feedsStrongly, resourceSignature, tradesBeyondMana, type ResourceSignature } from './resource-signature';

/** Time one card set may take unless told otherwise: a safety net, the cap in states normally ends a search first. */
export const DEFAULT_PER_SET_MS = 100;

export interface CardPoolOptions {
  maxSize?: number;
  budgetMs?: number;
  /** Search budget for one card set. */
  perSetMs?: number;
}

export interface CardPoolAnalysis {
  loops: Loop[];
  /** Card sets actually searched, after pruning by signatures. */
  setsSearched: number;
  exhausted: boolean;
  tookMs: number;
}

/** A card with its signature. */
export interface Node {
  card: LoopCard;
  signature: ResourceSignature;
  /** Makes mana without spending anything, like a cost reducer's discount. */
  freeMana: boolean;
}

const nodeCache = new WeakMap<LoopCard, Node>();

/** A card's signature, read once per card object. */
function nodeOf(card: LoopCard): Node {
  let node = nodeCache.get(card);
  if (!node) {
    const parsed = parsedCard(card);
    const statics = resourceSignature({ ...parsed, abilities: parsed.abilities.filter((ability) => ability.kind === 'static') }, card.types);
    node = { card, signature: resourceSignature(parsed, card.types), freeMana: statics.produces.includes('mana') };
    nodeCache.set(card, node);
  }
  return node;
}

/** Who feeds whom among some cards, worked out once per pair: planning a deck asks about each pair many times. */
export class FeedGraph {
  private readonly feeds: boolean[][];
  private readonly link: boolean[][];
  private readonly strong: boolean[][];
  private readonly trades: boolean[][];
  private readonly looper: boolean[];

  constructor(readonly nodes: Node[]) {
    const pairs = (test: (from: ResourceSignature, to: ResourceSignature) => boolean) =>
      nodes.map((a, i) => nodes.map((b, j) => i !== j && test(a.signature, b.signature)));
    this.feeds = pairs(feeds);
    // b hangs off a when b needs nothing (a static) and a profits from it.
    this.link = pairs((a, b) => feeds(a, b) || (b.consumes.length === 0 && feedsAny(b, a)));
    this.strong = pairs(feedsStrongly);
    this.trades = pairs(tradesBeyondMana);
    this.looper = nodes.map((node) => feedsItself(node.signature));
  }

  linked(i: number, j: number): boolean {
    return this.feeds[i][j] || this.feeds[j][i];
  }

  /**
   * A card set can loop only if every card lies on a cycle of the feed graph among them (a card that
   * spends nothing, such as a cost reducer, only needs to feed one) and the cycle turns through some
   * resource other than mana: two cards feeding each other, or one card feeding itself.
   */
  couldLoop(set: number[]): boolean {
    if (set.length === 1) return this.looper[set[0]];
    // Strong connectivity: everyone reaches everyone (sets have at most three cards, so two hops suffice).
    const reaches = (i: number, j: number) => i === j || this.link[i][j] || set.some((k) => k !== i && k !== j && this.link[i][k] && this.link[k][j]);
    if (!set.every((i) => set.every((j) => reaches(i, j)))) return false;
    if (set.length > 2 && !set.every((i) => this.earnsItsPlace(set, i))) return false;
    return set.some((i) => this.looper[i] || set.some((j) => this.strong[i][j]));
  }

  /**
   * A third card must trade the others something besides mana, or make mana for free (a cost reducer):
   * mana it has to spend or untap for pays for no endless loop. Pairs are few and cheap to search, so
   * they skip this test.
   */
  private earnsItsPlace(set: number[], i: number): boolean {
    const { signature, freeMana } = this.nodes[i];
    return freeMana || signature.consumes.length === 0 || set.some((j) => this.trades[i][j]);
  }
}

function couldLoop(nodes: Node[]): boolean {
  return new FeedGraph(nodes).couldLoop(nodes.map((_, i) => i));
}

function isRelevant(signature: ResourceSignature): boolean {
  return signature.produces.length > 0;
}

/** Cards with something to give or take; vanilla cards and pure lands never start a loop. */
export function relevant(cards: LoopCard[]): Node[] {
  return cards.map(nodeOf).filter((n) => isRelevant(n.signature));
}

/** Whether these cards pass the signature pruning that deck analysis applies before any search. */
export function worthSearching(cards: LoopCard[]): boolean {
  const set = cards.map(nodeOf);
  return set.every((n) => isRelevant(n.signature)) && couldLoop(set);
}


/** Sets of up to maxSize nodes, as indices, each grown from a linked pair by a card linked to it. */
function* candidateSets(nodes: Node[], maxSize: number): Generator<number[]> {
  const graph = new FeedGraph(nodes);
  for (let i = 0; i < nodes.length; i += 1) if (graph.couldLoop([i])) yield [i];
  if (maxSize < 2) return;
  const neighbours = nodes.map((_, i) => nodes.flatMap((_, j) => (graph.linked(i, j) ? [j] : [])));
  for (let i = 0; i < nodes.length; i += 1) for (const j of neighbours[i]) if (j > i && graph.couldLoop([i, j])) yield [i, j];
  if (maxSize < 3) return;
  for (let i = 0; i < nodes.length; i += 1) {
    for (const j of neighbours[i]) {
      if (j <= i) continue;
      for (const k of new Set([...neighbours[i], ...neighbours[j]])) if (k > j && graph.couldLoop([i, j, k])) yield [i, j, k];
    }
  }
}

/** Results for single cards and pairs, by card object: decks share most of their interacting cards. */
const smallSetResults = new WeakMap<LoopCard, WeakMap<LoopCard, Loop[]>>();

/**
 * States a card set of this size may expand in a deck search. On the combo sheet a loop's first cycle
 * shows up within 50 states for 95% of combos and within 200 for 99%; pairs, few and holding most
 * loops, get more. A cap in states rather than time keeps a deck's answer the same on a busy machine.
 */
function statesFor(setSize: number): number {
  return setSize <= 2 ? 2000 : 300;
}

/** Searches one card set; a finished search of one or two cards is remembered (a cut-off one proves nothing). */
export function searchCardSet(cards: LoopCard[], budgetMs: number): Loop[] {
  const search = () => findLoops(cards, { budgetMs, maxStates: statesFor(cards.length) });
  if (cards.length > 2) return search().loops;
  const [first, second = first] = cards;
  let byPartner = smallSetResults.get(first);
  const known = byPartner?.get(second);
  if (known) return known;
  const analysis = search();
  if (!analysis.exhausted) {
    if (!byPartner) smallSetResults.set(first, (byPartner = new WeakMap()));
    byPartner.set(second, analysis.loops);
  }
  return analysis.loops;
}

/** The card sets of a pool worth a search, smallest first, as indices into `cards` (the pool's relevant cards). */
export interface CardPoolPlan {
  cards: LoopCard[];
  sets: number[][];
}

/** Prunes a pool down to the card sets whose members could feed each other; no search yet. */
export function planCardPoolSearch(cards: LoopCard[], maxSize = 3): CardPoolPlan {
  const nodes = relevant(cards);
  return { cards: nodes.map((node) => node.card), sets: [...candidateSets(nodes, maxSize)] };
}

/** The cards of one of a plan's sets. */
export function setCards(plan: CardPoolPlan, set: number): LoopCard[] {
  return plan.sets[set].map((i) => plan.cards[i]);
}

/** Searches one card set within a budget. */
export type SetSearch = (cards: LoopCard[], budgetMs: number) => Loop[];

/** A plan's sets handed out one at a time, their loops taken back in any order (parallel workers answer out of order). */
export interface PlannedSearch {
  /** May grow as sets are taken, never changing what it holds already. */
  readonly plan: CardPoolPlan;
  /** The next set that still needs a search, or undefined when all were handed out. */
  take(): number | undefined;
  complete(set: number, loops: Loop[]): void;
  /** Share of the sets settled so far, 0–1. */
  readonly progress: number;
}

/** Runs a planned search in this thread, in plan order, until the deadline; true when the budget ran out first. */
export function searchInOrder(search: PlannedSearch, searchSet: SetSearch, deadline: number, perSetMs: number): boolean {
  for (let set = search.take(); set !== undefined; set = search.take()) {
    const left = deadline - performance.now();
    if (left <= 0) return true;
    search.complete(set, searchSet(setCards(search.plan, set), Math.min(perSetMs, left)));
  }
  return false;
}

const NOT_SEARCHED: Loop[] = [];

/**
 * Walks a plan's sets in order, skipping a set that contains a loop kept from an earlier set. Results
 * may come back out of order (from parallel workers): a set's loops are kept only once every earlier
 * set is settled, so the loops kept are those a search in plan order would keep.
 */
export class CardPoolSearch implements PlannedSearch {
  private readonly names: string[][];
  private readonly results = new Map<number, Loop[]>();
  private readonly kept: Loop[] = [];
  private nextSet = 0;
  private settled = 0;
  private searched = 0;

  constructor(readonly plan: CardPoolPlan) {
    this.names = plan.sets.map((set) => set.map((i) => plan.cards[i].name));
  }

  take(): number | undefined {
    while (this.nextSet < this.plan.sets.length) {
      const set = this.nextSet++;
      if (!this.covered(set)) return set;
      this.complete(set, NOT_SEARCHED);
    }
    return undefined;
  }

  get progress(): number {
    return this.plan.sets.length ? this.settled / this.plan.sets.length : 1;
  }

  complete(set: number, loops: Loop[]): void {
    if (loops !== NOT_SEARCHED) this.searched += 1;
    this.results.set(set, loops);
    while (this.results.has(this.settled)) this.settle(this.settled);
  }

  /** The loops kept so far; sets never searched (the budget ran out) count as loopless. */
  analysis(started: number, exhausted: boolean): CardPoolAnalysis {
    for (const set of [...this.results.keys()].sort((a, b) => a - b)) this.settle(set);
    return { loops: minimalLoops(this.kept), setsSearched: this.searched, exhausted, tookMs: performance.now() - started };
  }

  private settle(set: number): void {
    const loops = this.results.get(set) ?? NOT_SEARCHED;
    this.results.delete(set);
    if (!this.covered(set)) this.kept.push(...loops);
    this.settled = Math.max(this.settled, set + 1);
  }

  private covered(set: number): boolean {
    const names = this.names[set];
    return this.kept.some((loop) => loop.cards.every((name) => names.includes(name)));
  }
}

/**
 * Finds loops in a whole deck: searches only card sets whose members feed each other, smallest first,
 * skipping sets that contain a loop already found.
 */
export function findLoopsInCardPool(cards: LoopCard[], options: CardPoolOptions = {}): CardPoolAnalysis {
  const started = performance.now();
  const search = new CardPoolSearch(planCardPoolSearch(cards, options.maxSize ?? 3));
  const exhausted = searchInOrder(search, searchCardSet, started + (options.budgetMs ?? 2000), options.perSetMs ?? DEFAULT_PER_SET_MS);
  return search.analysis(started, exhausted);
}
