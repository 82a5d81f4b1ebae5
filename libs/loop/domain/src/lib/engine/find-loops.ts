import type { FindLoopsOptions, Loop, LoopAnalysis } from '../model/loop';
import type { LoopCard } from '../model/loop-card';
import { Board } from './board';
import { LANDS_IN_PLAY } from './game-state';
import { netPerIteration, outcomesOf } from './outcomes';
import { searchCycles, type FoundCycle } from './search';
import { initialSetups } from './setup';
import { Simulator, type Step } from './simulator';

const DEFAULT_BUDGET_MS = 250;
const DEFAULT_MAX_DEPTH = 22;
const MAX_CYCLES_PER_SETUP = 6;

/** Unread words that can undo what the rest of an ability does: a type change, a drawback, a condition, a delay. */
const UNDOING_WORDS = /\b(?:if|it's|it is|unless|instead|only|can't|isn't|skip|transform|exile|sacrifice|at the beginning)\b/;

/**
 * Whether a step relies on no ability whose unread part could undo it. A loop through "return it to the
 * battlefield. It's an enchantment." is not reported: a false loop misleads more than a missed one.
 * Unread words that change nothing here ("you don't lose this mana as steps end") don't count.
 */
function readEnough(board: Board, step: Step): boolean {
  return step.cards.every((index) => {
    const info = board.cards[index];
    const granted = info.statics.flatMap((s) => (s.effect.kind === 'grant' ? s.effect.abilities : []));
    const abilities = [...info.activated, ...info.triggered, ...info.spellEffects, ...info.statics.map((s) => s.ability), ...granted];
    return !abilities.some((ability) => ability.text === step.ability && ability.unread.some((text) => UNDOING_WORDS.test(text)));
  });
}

function toLoop(board: Board, found: FoundCycle): Loop | null {
  const { outcomes, manaColors } = outcomesOf(board, found.grown);
  if (!outcomes.length || !found.cycle.every((step) => readEnough(board, step))) return null;
  const listed = board.cards.filter((info) => info.card !== null && info.printed === undefined);
  const used = new Set(found.cycle.flatMap((s) => s.cards).filter((i) => board.cards[i].card !== null).map((i) => board.cards[i].printed ?? i));
  const names = [...used].map((i) => board.cards[i].name);
  const requires = found.setup.requires.filter((r) => names.some((n) => r.includes(n)));
  // What the setup arranged ("X attached to Y", "X entered as a copy of Y") brings its cards into the loop.
  for (const r of requires) for (const info of listed) if (r.includes(info.name)) used.add(info.index);
  for (const step of found.prefix) if (step.seed) requires.push(step.seed);
  const mana = LANDS_IN_PLAY - found.lowestLands;
  if (mana > 0) requires.push(`${mana} mana`);
  return {
    cards: [...used].sort((a, b) => a - b).map((i) => board.cards[i].name),
    outcomes,
    manaColors,
    mandatory: found.cycle.every((s) => s.kind === 'resolve' && !s.choice),
    requires,
    steps: found.cycle.filter((s) => s.kind !== 'seed').map((s) => ({ card: s.card, ability: s.ability, effect: s.effect })),
    netPerIteration: netPerIteration(board, found.grown),
  };
}

function isSubset(a: string[], b: string[]): boolean {
  return a.every((x) => b.includes(x));
}

/** Keeps one loop per card set and outcome set, and drops loops that carry a card they do not need. */
export function minimalLoops(loops: Loop[]): Loop[] {
  const unique = new Map<string, Loop>();
  for (const loop of loops) {
    const key = `${[...loop.cards].sort().join('|')}=>${loop.outcomes.join(',')}`;
    const known = unique.get(key);
    if (!known || loop.steps.length < known.steps.length) unique.set(key, loop);
  }
  const all = [...unique.values()];
  // A loop is dropped when another needs no more cards and achieves at least as much, and strictly fewer cards or more outcomes.
  const covers = (other: Loop, loop: Loop) =>
    isSubset(other.cards, loop.cards) && isSubset(loop.outcomes, other.outcomes) &&
    (other.cards.length < loop.cards.length || other.outcomes.length > loop.outcomes.length);
  return all.filter((loop) => !all.some((other) => other !== loop && covers(other, loop)));
}

/**
 * Looks for loops among exactly these cards: every card in its natural zone with seven basic lands,
 * searching action sequences for a cycle that gives back what it spends and grows something.
 */
export function findLoops(cards: LoopCard[], options: FindLoopsOptions = {}): LoopAnalysis {
  const started = performance.now();
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const board = new Board(cards);
  const simulator = new Simulator(board);
  const setups = initialSetups(board, simulator);
  const loops: Loop[] = [];
  let exhausted = false;
  let statesLeft = options.maxStates ?? Infinity;
  setups.forEach((setup, i) => {
    const remaining = started + budget - performance.now();
    if (remaining <= 0 || statesLeft <= 0) {
      exhausted = true;
      return;
    }
    // Each setup gets an even share of what is left: setups that finish early leave more to the rest.
    const deadline = performance.now() + remaining / (setups.length - i);
    const maxStates = Math.ceil(statesLeft / (setups.length - i));
    const result = searchCycles(board, simulator, setup, { deadline, maxStates, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, maxCycles: MAX_CYCLES_PER_SETUP });
    statesLeft -= result.expanded;
    exhausted ||= result.exhausted;
    for (const found of result.cycles) {
      const loop = toLoop(board, found);
      if (loop) loops.push(loop);
    }
  });
  const unparsed = board.cards.filter((info) => info.card).flatMap((info) => info.parsed.unparsed.map((u) => ({ card: info.name, text: u.text })));
  return { loops: minimalLoops(loops), unparsed, exhausted, tookMs: performance.now() - started };
}
