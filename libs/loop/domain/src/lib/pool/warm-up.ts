import { findLoops } from '../engine/find-loops';
import type { LoopCard } from '../model/loop-card';

/** How much of a warm-up search one small card set may take. */
const WARM_UP_SET = { budgetMs: 20, maxStates: 60 };

/** Cards spread evenly over a pool: a sample of its many templates. */
export function spreadSample<T>(cards: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(cards.length / count));
  return cards.filter((_, i) => i % step === 0).slice(0, count);
}

/**
 * Runs short searches over many different cards so that the JavaScript engine has compiled the loop
 * engine's paths for most kinds of ability before a real deck comes: a process's first decks otherwise
 * run up to twice as slowly while it does. Returns how many card sets were searched.
 */
export function warmUpEngine(cards: LoopCard[], budgetMs: number): number {
  const deadline = performance.now() + budgetMs;
  let searched = 0;
  for (let start = 0; start + 3 <= cards.length && performance.now() < deadline; start += 3) {
    findLoops(cards.slice(start, start + 3), WARM_UP_SET);
    searched += 1;
  }
  return searched;
}
