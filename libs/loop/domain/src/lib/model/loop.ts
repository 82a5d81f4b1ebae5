/** The outcomes Melvin names a loop by. */
export const OUTCOMES = [
  'infinite-mana', 'infinite-damage', 'infinite-lifegain', 'infinite-lifeloss', 'infinite-tokens', 'infinite-etb',
  'infinite-ltb', 'infinite-death', 'infinite-sacrifice', 'infinite-draw', 'infinite-mill', 'infinite-cast',
  'infinite-copy', 'infinite-untap', 'infinite-counters', 'infinite-power', 'infinite-combat', 'infinite-turns',
] as const;

export type Outcome = (typeof OUTCOMES)[number];

export interface LoopStep {
  card: string;
  /** The exact oracle text that allows this step. */
  ability: string;
  /** What the step does in this loop. */
  effect: string;
}

export interface Loop {
  cards: string[];
  outcomes: Outcome[];
  manaColors: string[];
  /** Every step is forced (triggers only): by rule 104.4b such a loop draws the game unless broken. */
  mandatory: boolean;
  /** What must be in place before the first iteration. */
  requires: string[];
  steps: LoopStep[];
  netPerIteration: Record<string, number | 'unbounded'>;
}

export interface LoopAnalysis {
  loops: Loop[];
  unparsed: { card: string; text: string }[];
  /** The time or step budget ran out before the search finished: absence of a loop proves nothing then. */
  exhausted: boolean;
  tookMs: number;
}

export interface FindLoopsOptions {
  budgetMs?: number;
  maxDepth?: number;
  /**
   * Game states the search may expand, shared by the setups. Unlike time, it gives the same answer on a
   * busy machine as on an idle one.
   */
  maxStates?: number;
}
