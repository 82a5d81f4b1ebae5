import type { ManaCost, ManaSymbol } from '../model/ability';
import type { GameState } from './game-state';

/** What is being paid for: restricted mana ("spend this mana only to ...") may or may not apply. */
export interface ManaPurpose {
  ability: boolean;
  types: Set<string>;
}

function restrictionAllows(restriction: string, purpose: ManaPurpose): boolean {
  if (purpose.ability) return /activate/.test(restriction);
  if (!/cast/.test(restriction)) return false;
  const typed = ['artifact', 'creature', 'instant', 'sorcery', 'enchantment', 'planeswalker'].filter((t) => restriction.includes(t));
  return typed.length === 0 || typed.some((t) => purpose.types.has(t));
}

function take(state: GameState, key: string, wanted: number): number {
  const available = state.pool[key] ?? 0;
  const used = Math.min(available, wanted);
  if (used) {
    state.pool[key] = available - used;
    if (state.pool[key] === 0) delete state.pool[key];
  }
  return used;
}

/**
 * Pays a mana cost from the pool, then from the untapped basic lands (which make any colour of
 * the cards' identity). Mutates the state; false when the cost cannot be paid.
 */
export function payMana(state: GameState, cost: ManaCost, purpose: ManaPurpose, landColours: string[]): boolean {
  const restricted = Object.keys(state.pool).filter((k) => k.includes('|') && restrictionAllows(k.split('|')[1], purpose));
  for (const [symbol, count] of Object.entries(cost.pips) as [ManaSymbol, number][]) {
    let left = count;
    left -= take(state, symbol, left);
    left -= take(state, '*', left);
    for (const key of restricted) if (key.startsWith(`${symbol}|`) || key.startsWith('*|')) left -= take(state, key, left);
    if (left > 0 && (landColours.includes(symbol) || (symbol === 'C' && landColours.includes('C')))) {
      const lands = Math.min(left, state.untappedLands);
      state.untappedLands -= lands;
      left -= lands;
    }
    if (left > 0) return false;
  }
  let generic = cost.generic;
  const order = ['C', ...Object.keys(state.pool).filter((k) => k !== 'C' && k !== '*' && !k.includes('|')).sort((a, b) => (state.pool[a] ?? 0) - (state.pool[b] ?? 0)), ...restricted, '*'];
  for (const key of order) generic -= take(state, key, generic);
  if (generic > 0) {
    const lands = Math.min(generic, state.untappedLands);
    state.untappedLands -= lands;
    generic -= lands;
  }
  return generic === 0;
}

export function addMana(state: GameState, symbol: string, amount: number, restriction?: string): void {
  const key = restriction ? `${symbol}|${restriction}` : symbol;
  state.pool[key] = (state.pool[key] ?? 0) + amount;
}
