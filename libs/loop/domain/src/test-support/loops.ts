import { findLoops } from '../lib/engine/find-loops';
import type { Loop } from '../lib/model/loop';
import { loadCards } from './oracle-cards';

/** The loops among these real cards, with a budget generous enough for a busy test machine. */
export function loopsOf(...names: string[]): Loop[] {
  return findLoops(loadCards(...names), { budgetMs: 3000 }).loops;
}

/** Every outcome the loops among these real cards report. */
export function outcomesOf(...names: string[]): string[] {
  return [...new Set(loopsOf(...names).flatMap((l) => l.outcomes))];
}
