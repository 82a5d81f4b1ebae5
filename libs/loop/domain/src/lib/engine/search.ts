import type { Board } from './board';
import { abstraction, growth, isTangible, repeatedEvents, visitKey, type Abstraction } from './coverability';
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
}

export interface SearchLimits {
  deadline: number;
  maxDepth: number;
  maxCycles: number;
}

/**
 * Depth-first coverability search. A state that dominates an ancestor with the same shape either
 * grew a resource (a loop: repeat the steps in between forever) or changed nothing that matters
 * (pruned). Visited states are remembered by shape and resources, so each is explored once.
 */
export function searchCycles(board: Board, simulator: Simulator, setup: Setup, limits: SearchLimits): { cycles: FoundCycle[]; exhausted: boolean } {
  const cycles: FoundCycle[] = [];
  /** Depth at which each state was first expanded: reaching it again shallower must explore it again. */
  const visited = new Map<string, number>();
  const path: Node[] = [];
  let exhausted = false;
  let expanded = 0;
  const seenOutcomes = new Set<string>();

  const visit = (state: GameState, step: Step | null): void => {
    if (exhausted || cycles.length >= limits.maxCycles) return;
    if ((expanded++ & 63) === 0 && performance.now() > limits.deadline) {
      exhausted = true;
      return;
    }
    const current = abstraction(board, state);
    // Ancestors first: a return to an ancestor's exact resources is also a visited state, yet may be a loop of events.
    for (let i = path.length - 1; i >= 0; i -= 1) {
      const ancestor = path[i];
      if (ancestor.abstraction.shape !== current.shape) continue;
      const grown = growth(ancestor.abstraction, current);
      if (!grown) continue;
      const tangible = [...grown.keys()].some(isTangible);
      const events = tangible ? null : repeatedEvents(grown);
      if (tangible || events) {
        const steps = [...path.slice(1).map((n) => n.step as Step), step as Step];
        const reported = events ?? grown;
        const signature = [...reported.keys()].filter((k) => events || isTangible(k)).map((k) => k.replace(/\d+$/, '')).sort().join(',');
        if (!seenOutcomes.has(signature)) {
          seenOutcomes.add(signature);
          cycles.push({
            setup, prefix: steps.slice(0, i), cycle: steps.slice(i), grown: reported,
            lowestLands: Math.min(state.untappedLands, ...path.map((n) => n.lands)),
          });
        }
      }
      return;
    }
    const key = visitKey(current);
    const seenAt = visited.get(key);
    if (seenAt !== undefined && seenAt <= path.length) return;
    visited.set(key, path.length);
    if (path.length >= limits.maxDepth) return;
    path.push({ abstraction: current, step, lands: state.untappedLands });
    for (const move of simulator.moves(state)) {
      visit(move.state, move.step);
      if (exhausted || cycles.length >= limits.maxCycles) break;
    }
    path.pop();
  };

  visit(setup.state, null);
  return { cycles, exhausted };
}
