import type { Board } from './board';
import { emptyTallies, LANDS_IN_PLAY, LIBRARY_SIZE, STARTING_LIFE, type GameState, type Permanent } from './game-state';
import type { MoveContext, Simulator } from './simulator';

/** A starting board and what a player must have arranged for it ("<Aura> attached to <creature>"). */
export interface Setup {
  state: GameState;
  requires: string[];
}

const MAX_SETUPS = 6;

function attachable(board: Board, aura: Permanent, host: Permanent): boolean {
  const info = board.info(aura);
  if (aura.id === host.id) return false;
  const restriction = info.statics.find((s) => s.effect.kind === 'attachRestriction')?.effect;
  if (restriction?.kind === 'attachRestriction') return board.matches(host, restriction.filter, aura);
  return (info.subtypes.has('equipment') || isBestowed(board, aura)) && board.isCreature(host);
}

/** A creature with bestow can be cast as an Aura on a creature. */
function isBestowed(board: Board, p: Permanent): boolean {
  return board.info(p).keywords.has('bestow');
}

/**
 * A trigger that works only with enough counters on its permanent ("if ~ has three or more quest counters"):
 * the board starts with them, and the loop reports that it needs them.
 */
function arrangeCounterConditions(board: Board, state: GameState): string[] {
  const requires: string[] = [];
  for (const p of state.permanents) {
    for (const { trigger } of board.info(p).triggered) {
      const condition = trigger.condition;
      if (condition?.kind !== 'selfCounters' || (p.counters[condition.counter] ?? 0) >= condition.atLeast) continue;
      p.counters[condition.counter] = condition.atLeast;
      requires.push(`${board.info(p).name} with ${condition.atLeast} ${condition.counter} counters`);
    }
  }
  return requires;
}

/**
 * Every listed card in its natural zone: permanents on the battlefield, untapped and ready;
 * instants and sorceries in hand; Auras and Equipment on each sensible host; imprint cards imprinted.
 */
export function initialSetups(board: Board, simulator: Simulator): Setup[] {
  const base: GameState = {
    permanents: [], hand: [], graveyard: [], exile: [], pool: {}, untappedLands: LANDS_IN_PLAY, life: STARTING_LIFE, energy: 0,
    otherCardsInHand: 1, library: LIBRARY_SIZE, extraTurns: 0, combatsLeft: 1, combatStep: null, tallies: emptyTallies(), stack: [], nextId: 1, seeds: [],
  };
  const ctx: MoveContext = { state: base, notes: [], cards: new Set<number>(), events: [], choice: false, created: [], chosen: [] };
  board.cards.forEach((info, index) => {
    if (!info.permanent) {
      base.hand.push(index);
      return;
    }
    const p = simulator.enter(ctx, index, { token: false });
    if (!p) return;
    p.sick = false;
    for (const { effect } of info.statics) if (effect.kind === 'entersWithCounters' && effect.count === 'X') p.counters[effect.counter] = 1;
  });
  base.tallies = emptyTallies();
  const requires: string[] = [];
  for (const p of base.permanents) {
    const info = board.info(p);
    const imprint = [...info.triggered, ...info.activated].flatMap((a) => a.effects).find((e) => e.kind === 'imprint');
    if (imprint?.kind !== 'imprint') continue;
    const card = base.hand.find((c) => simulator.imprintable(c, imprint));
    if (card === undefined) continue;
    base.hand.splice(base.hand.indexOf(card), 1);
    p.imprinted = card;
    requires.push(`${board.cards[card].name} imprinted on ${board.info(p).name}`);
  }
  requires.push(...arrangeCounterConditions(board, base));
  let setups: Setup[] = [{ state: base, requires }];
  for (const clone of base.permanents) {
    const copying = board.info(clone).statics.find((s) => s.effect.kind === 'entersAsCopy')?.effect;
    if (copying?.kind !== 'entersAsCopy') continue;
    const originals = base.permanents.filter((o) => o.id !== clone.id && !o.token && board.matches(o, copying.filter, clone));
    if (!originals.length) continue;
    setups = setups.flatMap((setup) =>
      originals.map((original) => {
        const state: GameState = { ...setup.state, permanents: setup.state.permanents.map((q) => ({ ...q, counters: { ...q.counters } })) };
        const placed = state.permanents.find((q) => q.id === clone.id) as Permanent;
        placed.card = board.copyKind(original.card, clone.card, copying.except);
        return { state, requires: [...setup.requires, `${board.cards[clone.card].name} entered as a copy of ${board.info(original).name}`] };
      }),
    ).slice(0, MAX_SETUPS);
  }
  for (const attachment of base.permanents.filter((p) => board.info(p).subtypes.has('aura') || board.info(p).subtypes.has('equipment') || isBestowed(board, p))) {
    const hosts = base.permanents.filter((host) => attachable(board, attachment, host));
    if (!hosts.length) continue;
    setups = setups.flatMap((setup) =>
      hosts.map((host) => {
        const state: GameState = { ...setup.state, permanents: setup.state.permanents.map((q) => ({ ...q, counters: { ...q.counters } })) };
        const placed = state.permanents.find((q) => q.id === attachment.id) as Permanent;
        placed.attachedTo = host.id;
        return { state, requires: [...setup.requires, `${board.info(attachment).name} attached to ${board.info(host).name}`] };
      }),
    ).slice(0, MAX_SETUPS);
  }
  return setups;
}
