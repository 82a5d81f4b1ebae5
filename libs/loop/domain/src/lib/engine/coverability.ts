import type { Board } from './board';
import { TALLY_NAMES, type GameState, type Permanent, type Tallies } from './game-state';

/**
 * A state splits into a shape (what must match exactly for two states to be "the same board") and
 * numbers (mana, life, counters, token counts, tallies) compared by Karp–Miller domination.
 */
export interface Abstraction {
  shape: string;
  numbers: Map<string, number>;
  /**
   * Keys of `numbers` that can only run down to zero, or up to a creature's death: damage marked on a
   * creature that can die, -1/-1 counters. A loop never grows them, and having less of them is not
   * simply better (damage is how some loops kill their creature), so one state never covers another
   * that differs in them.
   */
  bounded: Set<string>;
}

/** Tallies that are only events: growing them alone is not a loop (a net-zero untap cycle is not infinite). */
const EVENT_TALLIES = new Set<keyof Tallies>(['enters', 'leaves', 'dies', 'sacrificed', 'cast', 'copies', 'untaps', 'counters', 'lifeGained', 'tokens']);

/** Numbers where less is better, stored negated so every dimension grows the good way. */
const WORSE_WHEN_HIGHER = new Set(['-1/-1', 'damage', 'age', 'time', 'doom']);

/** Plain code-unit order: keys only need a stable order, and locale-aware comparison is slow. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A permanent's identity (what it is, whatever it has on it), its full descriptor, and the counters it has. */
function describe(board: Board, state: GameState, p: Permanent): { p: Permanent; identity: string; key: string; counters: string[] } {
  const identity = board.identity(p, state);
  const counters = Object.keys(p.counters).filter((k) => p.counters[k]);
  if (counters.length > 1) counters.sort(byText);
  return { p, identity, key: board.describeWith(identity, p, counters), counters };
}

/** Builds an abstraction's numbers; entries go in a fixed order, so equal states list them alike. */
class NumbersBuilder {
  readonly numbers = new Map<string, number>();
  readonly bounded = new Set<string>();

  add(key: string, value: number): void {
    if (value) this.numbers.set(key, (this.numbers.get(key) ?? 0) + value);
  }

  stock(key: string, value: number): void {
    if (!value) return;
    this.numbers.set(key, value);
    this.bounded.add(key);
  }
}

export function abstraction(board: Board, state: GameState): Abstraction {
  const numbers = new NumbersBuilder();
  for (const key of Object.keys(state.pool).sort(byText)) numbers.add(`mana ${key}`, state.pool[key]);
  numbers.add('untapped lands', state.untappedLands);
  numbers.add('life', state.life);
  numbers.add('energy', state.energy);
  numbers.add('cards in hand', state.otherCardsInHand);
  numbers.add('extra turns', state.extraTurns);
  numbers.add('combats left', state.combatsLeft);
  for (const name of TALLY_NAMES) numbers.add(name, state.tallies[name]);
  const objects: string[] = [];
  const tokenKinds: string[] = [];
  const described = state.permanents.map((p) => describe(board, state, p)).sort((a, b) => byText(a.key, b.key));
  const seen = new Map<string, number>();
  for (const { p, identity, key, counters } of described) {
    if (p.token) {
      if (tokenKinds[tokenKinds.length - 1] !== key) tokenKinds.push(key);
      numbers.add(`tokens ${key}`, 1);
      continue;
    }
    const n = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, n);
    const id = `${identity}#${n}`;
    objects.push(`${identity}:${counters.join(',')}`);
    for (const counter of counters) {
      if (WORSE_WHEN_HIGHER.has(counter)) numbers.stock(`counters ${counter} ${id}`, -p.counters[counter]);
      else numbers.add(`counters ${counter} ${id}`, p.counters[counter]);
    }
    // Damage on an indestructible object never kills it: it is no cost a loop pays.
    if (p.damage && !board.has(state, p, 'indestructible')) numbers.stock(`damage ${id}`, -p.damage);
    numbers.add(`power ${id}`, p.pump);
  }
  const stack = state.stack.map((s) => `${s.kind}:${s.textCard}:${s.card}:${s.text.length}:${s.event?.event ?? ''}:${s.event?.amount ?? ''}:${s.isCopy}`);
  const shape = [
    objects.join(';'), tokenKinds.map((kind) => `tokens ${kind}`).join(';'), [...state.hand].sort().join(','), [...state.graveyard].sort().join(','),
    [...state.exile].sort().join(','), (state.libraryTop ?? []).join(','), [...(state.libraryCards ?? [])].sort().join(','), stack.join(';'), state.seeds.join(','), state.combatStep ?? '',
    // Some rules differ during extra turns ("can't attack during extra turns"): being in one is part of the board.
    state.tallies.turns > 0 ? 'extra turn' : '',
    (state.turnTriggers ?? []).map((t) => `${t.textCard}:${t.ability.text.length}`).join(','),
  ].join('/');
  return { shape, numbers: numbers.numbers, bounded: numbers.bounded };
}

/**
 * Events that, repeated an unbounded number of times with the board back where it was and no resource
 * lost, are a loop in their own right (infinite ETB, death, casts...). Untaps alone are not: a permanent
 * that pays to untap itself repeats forever but achieves nothing.
 */
const REPEATABLE_EVENTS = new Set<string>(['enters', 'leaves', 'dies', 'sacrificed', 'cast', 'copies', 'tokens']);

/** The event counts of a net-zero repetition that make it worth reporting; null when none does. */
export function repeatedEvents(grown: Map<string, number>): Map<string, number> | null {
  const events = new Map([...grown].filter(([key]) => REPEATABLE_EVENTS.has(key)));
  if (![...events.keys()].some((key) => key !== 'tokens')) return null;
  if (grown.has('untaps')) events.set('untaps', grown.get('untaps') as number);
  return events;
}

/** Whether a dimension is a resource that, growing, makes a loop worth reporting. */
export function isTangible(key: string): boolean {
  return !EVENT_TALLIES.has(key as keyof Tallies) && !key.startsWith('damage ') && key !== 'cards in hand';
}

/** Key for the visited set: shape plus every number but the event tallies (which never make a state new). */
export function visitKey(a: Abstraction): string {
  // The numbers are listed in a fixed order (see NumbersBuilder): no sort needed.
  let key = `${a.shape}|`;
  for (const name of a.numbers.keys()) if (!EVENT_TALLIES.has(name as keyof Tallies)) key += `${name}=${a.numbers.get(name)},`;
  return key;
}

/**
 * Whether `known` has at least everything `state` has, on the same board: whatever `state` can go on to
 * do, `known` can too, so `state` needs no search of its own. Event tallies are history, not resources.
 */
export function covers(known: Abstraction, state: Abstraction): boolean {
  if (known.shape !== state.shape) return false;
  for (const key of state.numbers.keys()) {
    if (EVENT_TALLIES.has(key as keyof Tallies)) continue;
    const value = state.numbers.get(key) as number;
    const held = known.numbers.get(key) ?? 0;
    if (held < value || (held !== value && state.bounded.has(key))) return false;
  }
  for (const key of known.numbers.keys()) {
    if (state.numbers.has(key) || EVENT_TALLIES.has(key as keyof Tallies)) continue;
    if ((known.numbers.get(key) as number) < 0 || known.bounded.has(key)) return false;
  }
  return true;
}

/** later ≥ earlier in every dimension; returns the dimensions that grew, or null if some shrank. */
export function growth(earlier: Abstraction, later: Abstraction): Map<string, number> | null {
  const grown = new Map<string, number>();
  // A stock that only runs down (-1/-1 counters being removed, damage healed) is spent, never grown: no loop repeats on it.
  const grow = (key: string, delta: number, bounded: boolean) => {
    if (delta < 0 || (delta > 0 && bounded)) return false;
    if (delta > 0) grown.set(key, delta);
    return true;
  };
  for (const key of earlier.numbers.keys()) {
    const delta = (later.numbers.get(key) ?? 0) - (earlier.numbers.get(key) as number);
    if (!grow(key, delta, earlier.bounded.has(key))) return null;
  }
  for (const key of later.numbers.keys()) {
    if (!earlier.numbers.has(key) && !grow(key, later.numbers.get(key) as number, later.bounded.has(key))) return null;
  }
  return grown;
}
