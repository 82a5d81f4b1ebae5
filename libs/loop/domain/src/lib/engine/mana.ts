import type { ManaCost, ManaSymbol } from '../model/ability';
import type { GameState } from './game-state';

/** What is being paid for: restricted mana ("spend this mana only to ...") may or may not apply. */
export interface ManaPurpose {
  ability: boolean;
  types: Set<string>;
  /** Chromatic Orrery: a coloured pip may be paid with mana of any type. */
  anyColour?: boolean;
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
 * Taps enough untapped basic lands for `wanted` mana when each land makes `perLand` (more than one under
 * Mana Reflection or Mana Flare); what a land makes beyond the cost floats in the pool as `surplus`.
 * Returns the mana put towards the cost.
 */
function tapLands(state: GameState, wanted: number, perLand: number, surplus: string): number {
  const lands = Math.min(Math.ceil(wanted / perLand), state.untappedLands);
  state.untappedLands -= lands;
  const made = lands * perLand;
  if (made > wanted) addMana(state, surplus, made - wanted);
  return Math.min(made, wanted);
}

/**
 * Pays a mana cost from the pool, then from the untapped basic lands (which make any colour of
 * the cards' identity, `perLand` mana each). Mutates the state; false when the cost cannot be paid.
 */
export function payMana(state: GameState, cost: ManaCost, purpose: ManaPurpose, landColours: string[], perLand = 1): boolean {
  const restricted = Object.keys(state.pool).filter((k) => k.includes('|') && restrictionAllows(k.split('|')[1], purpose));
  for (const [symbol, count] of Object.entries(cost.pips) as [ManaSymbol, number][]) {
    let left = count;
    left -= take(state, symbol, left);
    left -= take(state, '*', left);
    for (const key of restricted) if (key.startsWith(`${symbol}|`) || key.startsWith('*|')) left -= take(state, key, left);
    if (purpose.anyColour) for (const key of [...Object.keys(state.pool).filter((k) => !k.includes('|')), ...restricted]) left -= take(state, key, left);
    if (left > 0 && (landColours.includes(symbol) || (symbol === 'C' && landColours.includes('C')))) left -= tapLands(state, left, perLand, symbol);
    if (left > 0) return false;
  }
  let generic = cost.generic;
  const order = ['C', ...Object.keys(state.pool).filter((k) => k !== 'C' && k !== '*' && !k.includes('|')).sort((a, b) => (state.pool[a] ?? 0) - (state.pool[b] ?? 0)), ...restricted, '*'];
  for (const key of order) generic -= take(state, key, generic);
  if (generic > 0) generic -= tapLands(state, generic, perLand, landColours.length === 1 ? landColours[0] : '*');
  return generic === 0;
}

export function addMana(state: GameState, symbol: string, amount: number, restriction?: string): void {
  const key = restriction ? `${symbol}|${restriction}` : symbol;
  state.pool[key] = (state.pool[key] ?? 0) + amount;
}

/** Doubling Cube: every type of mana in the pool, restricted or not, doubles. */
export function doublePool(state: GameState): void {
  for (const key of Object.keys(state.pool)) state.pool[key] *= 2;
}

/** The pool key that grew most between two pools: the type of mana a tap made. */
export function manaMade(before: Record<string, number>, after: Record<string, number>): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [key, value] of Object.entries(after)) {
    const grew = value - (before[key] ?? 0);
    if (grew > most) [best, most] = [key.split('|')[0], grew];
  }
  return best;
}

/** A card's colours, read from its mana cost (hybrid and Phyrexian pips count); devoid cards and lands have none. */
export function cardColours(manaCost: string, keywords: Set<string>): string[] {
  if (keywords.has('devoid')) return [];
  const pips = (manaCost.match(/\{[^}]+\}/g) ?? []).join('');
  return ['W', 'U', 'B', 'R', 'G'].filter((c) => pips.includes(c));
}
