import type { Board } from './board';
import { abstraction, covers, growth, isTangible, repeatedEvents, visitKey, type Abstraction } from './coverability';
import type { GameState } from './game-state';
import type { Setup } from './setup';
import type { Simulator, Step } from './simulator';

/** A cycle found by the search: the steps before it, the steps of one iteration, and what grew. */
export interface FoundCycle {
  setup: Setup;
  prefix: Step[];
  cycle: Step[];
  grown: Map<string, number>;
  /** Fewest untapped lands seen along the way: how much outside mana the loop needs. */
  lowestLands: number;
}

interface Node {
  abstraction: Abstraction;
  step: Step | null;
  lands: number;
  parent: Node | null;
  depth: number;
  /** Dropped once expanded: only the queue needs it. */
  state: GameState | null;
}

export interface SearchLimits {
  deadline: number;
  /** States the search may expand before it gives up. */
  maxStates: number;
  maxDepth: number;
  maxCycles: number;
}

/**
 * Breadth-first coverability search. A state that dominates an ancestor with the same shape either
 * grew a resource (a loop: repeat the steps in between forever) or changed nothing that matters
 * (pruned). Breadth first, each state is first reached by a shortest path, so it is expanded once and
 * the loops found first are the shortest to explain.
 */
export function searchCycles(board: Board, simulator: Simulator, setup: Setup, limits: SearchLimits): { cycles: FoundCycle[]; exhausted: boolean; expanded: number } {
  const cycles: FoundCycle[] = [];
  const visited = new Set<string>();
  /** Index into `cycles` of the loop kept for each set of outcomes. */
  const byOutcomes = new Map<string, number>();
  let exhausted = false;
  let generated = 0;

  const root: Node = { abstraction: abstraction(board, setup.state), step: null, lands: setup.state.untappedLands, parent: null, depth: 0, state: setup.state };
  visited.add(visitKey(root.abstraction));
  const byShape = new Map<string, Abstraction[]>([[root.abstraction.shape, [root.abstraction]]]);
  const queue: Node[] = [root];

  /** Whether a new state closes a cycle over one of its ancestors (recording it if it is a loop) or merely repeats one. */
  const closesCycle = (parent: Node, state: GameState, step: Step, current: Abstraction): boolean => {
    for (let ancestor: Node | null = parent; ancestor; ancestor = ancestor.parent) {
      if (ancestor.abstraction.shape !== current.shape) continue;
      const grown = growth(ancestor.abstraction, current);
      if (!grown) continue;
      const tangible = [...grown.keys()].some(isTangible);
      const events = tangible ? null : repeatedEvents(grown);
      if (tangible || events) {
        const reported = events ?? grown;
        const signature = [...reported.keys()].filter((k) => events || isTangible(k)).map((k) => k.replace(/\d+$/, '')).sort().join(',');
        const path = pathTo(parent);
        const steps = [...path.slice(1).map((n) => n.step as Step), step];
        const found: FoundCycle = {
          setup, prefix: steps.slice(0, ancestor.depth), cycle: steps.slice(ancestor.depth), grown: reported,
          lowestLands: Math.min(state.untappedLands, ...path.map((n) => n.lands)),
        };
        // Among loops doing the same, the one needing the least outside help wins, even when found later.
        const known = byOutcomes.get(signature);
        if (known === undefined) byOutcomes.set(signature, cycles.push(found) - 1);
        else if (seedsIn(found) < seedsIn(cycles[known])) cycles[known] = found;
      }
      return true;
    }
    return false;
  };

  let head = 0;
  for (; head < queue.length && !exhausted && cycles.length < limits.maxCycles; head += 1) {
    const node = queue[head];
    if (node.depth >= limits.maxDepth) continue;
    if (head >= limits.maxStates) {
      exhausted = true;
      break;
    }
    for (const move of simulator.moves(node.state as GameState)) {
      if ((generated++ & 63) === 0 && performance.now() > limits.deadline) {
        exhausted = true;
        break;
      }
      const current = abstraction(board, move.state);
      if (closesCycle(node, move.state, move.step, current)) {
        if (cycles.length >= limits.maxCycles) break;
        continue;
      }
      const key = visitKey(current);
      if (visited.has(key)) continue;
      visited.add(key);
      // A state with less of everything than one already found on the same board adds nothing to search.
      const sameShape = byShape.get(current.shape);
      if (sameShape?.some((known) => covers(known, current))) continue;
      if (sameShape) sameShape.push(current);
      else byShape.set(current.shape, [current]);
      queue.push({ abstraction: current, step: move.step, lands: move.state.untappedLands, parent: node, depth: node.depth + 1, state: move.state });
    }
    node.state = null;
  }
  return { cycles, exhausted, expanded: head };
}

function seedsIn(found: FoundCycle): number {
  return [...found.prefix, ...found.cycle].filter((step) => step.kind === 'seed').length;
}

/** The nodes from the root down to `node`. */
function pathTo(node: Node): Node[] {
  const path: Node[] = [];
  for (let at: Node | null = node; at; at = at.parent) path.push(at);
  return path.reverse();
}
