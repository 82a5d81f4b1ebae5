import { parsedCard } from '../engine/card-catalogue';
import { findLoops, minimalLoops } from '../engine/find-loops';
import type { Loop } from '../model/loop';
import type { LoopCard } from '../model/loop-card';
import { feeds, feedsStrongly, resourceSignature, type ResourceSignature } from './resource-signature';

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

/** A card set can loop only if its feed graph has a cycle and no card is left unconnected. */
function couldLoop(nodes: Node[]): boolean {
  const n = nodes.length;
  const link = (i: number, j: number) => feeds(nodes[i].signature, nodes[j].signature);
  for (let i = 0; i < n; i += 1) {
    if (n > 1 && !nodes.some((_, j) => j !== i && (link(i, j) || link(j, i)))) return false;
  }
  const edge = (i: number, j: number) => feedsStrongly(nodes[i].signature, nodes[j].signature);
  // A cycle: a card feeding itself, two feeding each other, or three in a ring.
  for (let i = 0; i < n; i += 1) {
    if (edge(i, i)) return true;
    for (let j = 0; j < n; j += 1) {
      if (j === i || !edge(i, j)) continue;
      if (edge(j, i)) return true;
      for (let k = 0; k < n; k += 1) if (k !== i && k !== j && edge(j, k) && edge(k, i)) return true;
    }
  }
  return false;
}

/** Cards with something to give or take; vanilla cards and pure lands never start a loop. */
function relevant(cards: LoopCard[]): Node[] {
  return cards.map((card) => ({ card, signature: signatureOf(card) })).filter((n) => n.signature.produces.length > 0 && n.signature.consumes.length + n.signature.produces.length > 1);
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
    const analysis = findLoops(set.map((n) => n.card), { budgetMs: Math.min(perSet, left) });
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
