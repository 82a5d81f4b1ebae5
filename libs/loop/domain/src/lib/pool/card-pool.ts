import { parsedCard } from '../engine/card-catalogue';
import { findLoops, minimalLoops } from '../engine/find-loops';
import type { Loop } from '../model/loop';
import type { LoopCard } from '../model/loop-card';
import { feeds, feedsAny, feedsItself, feedsStrongly, resourceSignature, type ResourceSignature } from './resource-signature';

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

export interface OneCardAway {
  card: string;
  /** Cards of the deck the new card loops with. */
  with: string[];
  loop: Loop;
}

interface Node {
  card: LoopCard;
  signature: ResourceSignature;
}

const signatures = new WeakMap<LoopCard, ResourceSignature>();

function signatureOf(card: LoopCard): ResourceSignature {
  let signature = signatures.get(card);
  if (!signature) {
    signature = resourceSignature(parsedCard(card));
    signatures.set(card, signature);
  }
  return signature;
}

/**
 * A card set can loop only if every card lies on a cycle of the feed graph among them (a card that
 * spends nothing, such as a cost reducer, only needs to feed one) and the cycle turns through some
 * resource other than mana: two cards feeding each other, or one card feeding itself.
 */
function couldLoop(nodes: Node[]): boolean {
  const n = nodes.length;
  if (n === 1) return feedsItself(nodes[0].signature);
  const looper = nodes.map((node) => feedsItself(node.signature));
  // j hangs off i when j needs nothing (a static) or j loops alone and i only profits from it.
  const link = (i: number, j: number) =>
    feeds(nodes[i].signature, nodes[j].signature) ||
    ((nodes[j].signature.consumes.length === 0) && feedsAny(nodes[j].signature, nodes[i].signature));
  // Strong connectivity: everyone reaches everyone (sets have at most three cards, so two hops suffice).
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      if (i === j || link(i, j)) continue;
      if (!nodes.some((_, k) => k !== i && k !== j && link(i, k) && link(k, j))) return false;
    }
  }
  for (let i = 0; i < n; i += 1) {
    if (looper[i]) return true;
    for (let j = 0; j < n; j += 1) if (j !== i && feedsStrongly(nodes[i].signature, nodes[j].signature)) return true;
  }
  return false;
}

function isRelevant(signature: ResourceSignature): boolean {
  return signature.produces.length > 0;
}

/** Cards with something to give or take; vanilla cards and pure lands never start a loop. */
function relevant(cards: LoopCard[]): Node[] {
  return cards.map((card) => ({ card, signature: signatureOf(card) })).filter((n) => isRelevant(n.signature));
}

/** Whether these cards pass the signature pruning that deck analysis applies before any search. */
export function worthSearching(cards: LoopCard[]): boolean {
  const nodes = cards.map((card) => ({ card, signature: signatureOf(card) }));
  return nodes.every((n) => isRelevant(n.signature)) && couldLoop(nodes);
}


function linked(a: Node, b: Node): boolean {
  return feeds(a.signature, b.signature) || feeds(b.signature, a.signature);
}

/** Sets of up to maxSize nodes, each grown from a linked pair by a card linked to it. */
function* candidateSets(nodes: Node[], maxSize: number): Generator<Node[]> {
  for (const node of nodes) if (couldLoop([node])) yield [node];
  if (maxSize < 2) return;
  const neighbours = nodes.map((a) => nodes.map((b, j) => (a !== b && linked(a, b) ? j : -1)).filter((j) => j >= 0));
  for (let i = 0; i < nodes.length; i += 1) for (const j of neighbours[i]) if (j > i && couldLoop([nodes[i], nodes[j]])) yield [nodes[i], nodes[j]];
  if (maxSize < 3) return;
  for (let i = 0; i < nodes.length; i += 1) {
    for (const j of neighbours[i]) {
      if (j <= i) continue;
      for (const k of new Set([...neighbours[i], ...neighbours[j]])) {
        if (k <= j) continue;
        const set = [nodes[i], nodes[j], nodes[k]];
        if (couldLoop(set)) yield set;
      }
    }
  }
}

/** Results for single cards and pairs, by card object: decks share most of their interacting cards. */
const smallSetResults = new WeakMap<LoopCard, WeakMap<LoopCard, Loop[]>>();

/** Searches one card set; a finished search of one or two cards is remembered (an exhausted one proves nothing). */
function searchSet(cards: LoopCard[], budgetMs: number): { loops: Loop[] } {
  if (cards.length > 2) return findLoops(cards, { budgetMs });
  const [first, second = first] = cards;
  let byPartner = smallSetResults.get(first);
  const known = byPartner?.get(second);
  if (known) return { loops: known };
  const analysis = findLoops(cards, { budgetMs });
  if (!analysis.exhausted) {
    if (!byPartner) smallSetResults.set(first, (byPartner = new WeakMap()));
    byPartner.set(second, analysis.loops);
  }
  return analysis;
}

/**
 * Finds loops in a whole deck: searches only card sets whose members feed each other, smallest first,
 * skipping sets that contain a loop already found.
 */
export function findLoopsInCardPool(cards: LoopCard[], options: CardPoolOptions = {}): CardPoolAnalysis {
  const started = performance.now();
  const budget = options.budgetMs ?? 2000;
  const perSet = options.perSetMs ?? 8;
  const loops: Loop[] = [];
  const found: Set<string>[] = [];
  let setsSearched = 0;
  let exhausted = false;
  for (const set of candidateSets(relevant(cards), options.maxSize ?? 3)) {
    const names = set.map((n) => n.card.name);
    if (found.some((loop) => [...loop].every((name) => names.includes(name)))) continue;
    const left = started + budget - performance.now();
    if (left <= 0) {
      exhausted = true;
      break;
    }
    setsSearched += 1;
    const analysis = searchSet(set.map((n) => n.card), Math.min(perSet, left));
    for (const loop of analysis.loops) {
      loops.push(loop);
      found.push(new Set(loop.cards));
    }
  }
  return { loops: minimalLoops(loops), setsSearched, exhausted, tookMs: performance.now() - started };
}

/**
 * Cards from a pool that would complete a loop with one or two cards of the deck, best first
 * (fewest cards, then most outcomes). The pool is pruned by signatures before any search.
 */
export function findOneCardAway(deckCards: LoopCard[], candidatePool: LoopCard[], options: { limit?: number; budgetMs?: number; perSetMs?: number } = {}): OneCardAway[] {
  const started = performance.now();
  const budget = options.budgetMs ?? 3000;
  const perSet = options.perSetMs ?? 10;
  const limit = options.limit ?? 10;
  const deck = relevant(deckCards);
  const inDeck = new Set(deckCards.map((c) => c.name));
  const results: OneCardAway[] = [];
  const scored = relevant(candidatePool.filter((c) => !inDeck.has(c.name)))
    .map((node) => {
      const gives = deck.filter((d) => feeds(node.signature, d.signature));
      const takes = deck.filter((d) => feeds(d.signature, node.signature));
      return { node, gives, takes, score: gives.length + takes.length };
    })
    .filter((c) => c.gives.length > 0 && (c.takes.length > 0 || feeds(c.node.signature, c.node.signature)))
    .sort((a, b) => b.score - a.score);
  outer: for (const candidate of scored) {
    const partners = [...new Set([...candidate.gives, ...candidate.takes])];
    const sets: Node[][] = partners.map((p) => [p]);
    for (let i = 0; i < partners.length; i += 1) for (let j = i + 1; j < partners.length; j += 1) sets.push([partners[i], partners[j]]);
    for (const partnerSet of sets) {
      if (performance.now() - started > budget) break outer;
      const set = [candidate.node, ...partnerSet];
      if (!couldLoop(set)) continue;
      const analysis = findLoops(set.map((n) => n.card), { budgetMs: perSet });
      const loop = analysis.loops.find((l) => l.cards.includes(candidate.node.card.name));
      if (loop) {
        results.push({ card: candidate.node.card.name, with: loop.cards.filter((n) => n !== candidate.node.card.name), loop });
        continue outer;
      }
    }
  }
  return results
    .sort((a, b) => a.loop.cards.length - b.loop.cards.length || b.loop.outcomes.length - a.loop.outcomes.length)
    .slice(0, limit);
}
