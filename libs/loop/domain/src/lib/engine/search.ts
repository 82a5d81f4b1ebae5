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

export interface SearchResult {
  cycles: FoundCycle[];
  /** A limit (time or states) ended the search before the reachable states ran out. */
  exhausted: boolean;
  expanded: number;
}

/**
 * Breadth-first coverability search. A state that dominates an ancestor with the same shape either
 * grew a resource (a loop: repeat the steps in between forever) or changed nothing that matters
 * (pruned). Breadth first, each state is first reached by a shortest path, so it is expanded once and
 * the loops found first are the shortest to explain.
 */
export function searchCycles(board: Board, simulator: Simulator, setup: Setup, limits: SearchLimits): SearchResult {
  return new CycleSearch(board, simulator, setup, limits).run();
}

class CycleSearch {
  private readonly cycles: FoundCycle[] = [];
  /** Index into `cycles` of the loop kept for each set of outcomes. */
  private readonly byOutcomes = new Map<string, number>();
  private readonly visited = new Set<string>();
  /** Every state kept so far, by shape: a new state covered by one of them needs no search. */
  private readonly byShape = new Map<string, Abstraction[]>();
  private readonly queue: Node[] = [];
  private exhausted = false;
  private generated = 0;

  constructor(
    private readonly board: Board,
    private readonly simulator: Simulator,
    private readonly setup: Setup,
    private readonly limits: SearchLimits,
  ) {}

  run(): SearchResult {
    const state = this.setup.state;
    this.keep({ abstraction: abstraction(this.board, state), step: null, lands: state.untappedLands, parent: null, depth: 0, state });
    let head = 0;
    for (; head < this.queue.length && !this.done(); head += 1) {
      if (head >= this.limits.maxStates) {
        this.exhausted = true;
        break;
      }
      this.expand(this.queue[head]);
    }
    return { cycles: this.cycles, exhausted: this.exhausted, expanded: head };
  }

  private done(): boolean {
    return this.exhausted || this.cycles.length >= this.limits.maxCycles;
  }

  private expand(node: Node): void {
    if (node.depth >= this.limits.maxDepth) return;
    for (const move of this.simulator.moves(node.state as GameState)) {
      if ((this.generated++ & 63) === 0 && performance.now() > this.limits.deadline) {
        this.exhausted = true;
        return;
      }
      const current = abstraction(this.board, move.state);
      if (this.closesCycle(node, move.state, move.step, current)) {
        if (this.done()) return;
        continue;
      }
      if (this.isNew(current)) {
        this.keep({ abstraction: current, step: move.step, lands: move.state.untappedLands, parent: node, depth: node.depth + 1, state: move.state });
      }
    }
    node.state = null;
  }

  /** Not seen before, and not covered by a state with at least as much of everything on the same board. */
  private isNew(current: Abstraction): boolean {
    const key = visitKey(current);
    if (this.visited.has(key)) return false;
    this.visited.add(key);
    return !this.byShape.get(current.shape)?.some((known) => covers(known, current));
  }

  private keep(node: Node): void {
    const sameShape = this.byShape.get(node.abstraction.shape);
    if (sameShape) sameShape.push(node.abstraction);
    else this.byShape.set(node.abstraction.shape, [node.abstraction]);
    if (node.parent === null) this.visited.add(visitKey(node.abstraction));
    this.queue.push(node);
  }

  /** Whether a new state closes a cycle over one of its ancestors (recording it if it is a loop) or merely repeats one. */
  private closesCycle(parent: Node, state: GameState, step: Step, current: Abstraction): boolean {
    for (let ancestor: Node | null = parent; ancestor; ancestor = ancestor.parent) {
      if (ancestor.abstraction.shape !== current.shape) continue;
      const grown = growth(ancestor.abstraction, current);
      if (!grown) continue;
      const tangible = [...grown.keys()].some(isTangible);
      const events = tangible ? null : repeatedEvents(grown);
      if (tangible || events) this.record(ancestor, parent, state, step, events ?? grown, events !== null);
      return true;
    }
    return false;
  }

  /** Keeps a loop, unless one doing the same was found already with no more outside help. */
  private record(ancestor: Node, parent: Node, state: GameState, step: Step, grown: Map<string, number>, onlyEvents: boolean): void {
    const signature = [...grown.keys()].filter((k) => onlyEvents || isTangible(k)).map((k) => k.replace(/\d+$/, '')).sort().join(',');
    const path = pathTo(parent);
    const steps = [...path.slice(1).map((n) => n.step as Step), step];
    const found: FoundCycle = {
      setup: this.setup, prefix: steps.slice(0, ancestor.depth), cycle: steps.slice(ancestor.depth), grown,
      lowestLands: Math.min(state.untappedLands, ...path.map((n) => n.lands)),
    };
    const known = this.byOutcomes.get(signature);
    if (known === undefined) this.byOutcomes.set(signature, this.cycles.push(found) - 1);
    else if (seedsIn(found) < seedsIn(this.cycles[known])) this.cycles[known] = found;
  }
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
