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

/** Pairs made as the board was laid out ("Nearheath Pilgrim paired with Boros Reckoner"), once each. */
function soulbondPairs(board: Board, state: GameState): string[] {
  return state.permanents.flatMap((p) => {
    const partner = state.permanents.find((q) => q.id === p.pairedWith);
    return partner && board.info(p).keywords.has('soulbond') ? [`${board.info(p).name} paired with ${board.info(partner).name}`] : [];
  });
}

/**
 * An Aura that enchants a land needs a land object to sit on: a basic land of its own, beside the counted
 * ones (which stay seven, so a loop is never said to need the mana of the land it sits on).
 */
function placeLandHosts(board: Board, simulator: Simulator, ctx: MoveContext): void {
  const state = ctx.state;
  for (const aura of [...state.permanents]) {
    const restriction = board.info(aura).statics.find((s) => s.effect.kind === 'attachRestriction')?.effect;
    if (restriction?.kind !== 'attachRestriction' || !restriction.filter.types?.includes('land')) continue;
    if (state.permanents.some((p) => p.id !== aura.id && board.matches(p, restriction.filter, aura))) continue;
    const land = simulator.enter(ctx, board.basicLandKind(restriction.filter.subtypes), { token: false });
    if (!land) continue;
    land.sick = false;
  }
}

/**
 * Every listed card in its natural zone: permanents on the battlefield, untapped and ready;
 * instants and sorceries in hand; Auras and Equipment on each sensible host; imprint cards imprinted.
 */
export function initialSetups(board: Board, simulator: Simulator): Setup[] {
  const base: GameState = {
    permanents: [], hand: [], graveyard: [], exile: [], pool: {}, untappedLands: LANDS_IN_PLAY, life: STARTING_LIFE, energy: 0,
    otherCardsInHand: 1, library: LIBRARY_SIZE, extraTurns: 0, combatsLeft: 1, combatStep: null, tallies: emptyTallies(), stack: [], nextId: 1, seeds: [],
    // Every field present from the start: states of one shape keep the engine's property reads fast.
    turnTriggers: undefined, libraryTop: undefined, libraryCards: undefined, opponentLibrary: undefined,
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
  placeLandHosts(board, simulator, ctx);
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
  requires.push(...soulbondPairs(board, base));
  let setups: Setup[] = [{ state: base, requires }];
  for (const clone of base.permanents) {
    const copying = board.info(clone).statics.find((s) => s.effect.kind === 'entersAsCopy')?.effect;
    if (copying?.kind !== 'entersAsCopy') continue;
    const originals = base.permanents.filter((o) => o.id !== clone.id && !o.token && board.matches(o, copying.filter, clone));
    setups = branch(setups, originals, (state, original) => {
      placed(state, clone).card = board.copyKind(original.card, clone.card, copying.except);
      return `${board.cards[clone.card].name} entered as a copy of ${board.info(original).name}`;
    });
  }
  for (const mutant of base.permanents.filter((p) => board.info(p).keywords.has('mutate'))) {
    // Cast for its mutate cost onto a non-Human; cast for its mana cost, it stays a creature of its own (the setups kept).
    const hosts = base.permanents.filter((host) => host.id !== mutant.id && board.isCreature(host) && !board.info(host).subtypes.has('human'));
    setups = [...setups, ...branch(setups, hosts, (state, host) => {
      placed(state, host).card = board.mutatedKind(mutant.card, host.card);
      state.permanents = state.permanents.filter((q) => q.id !== mutant.id);
      return `${board.info(mutant).name} mutated onto ${board.info(host).name}`;
    })].slice(0, MAX_SETUPS);
  }
  for (const attachment of base.permanents.filter((p) => board.info(p).subtypes.has('aura') || board.info(p).subtypes.has('equipment') || isBestowed(board, p))) {
    const hosts = base.permanents.filter((host) => attachable(board, attachment, host));
    setups = branch(setups, hosts, (state, host) => {
      placed(state, attachment).attachedTo = host.id;
      return `${board.info(attachment).name} attached to ${board.info(host).name}`;
    });
  }
  return setups;
}

/**
 * One setup for each way of arranging something (each host an Aura may go on): `arrange` changes a copy
 * of each setup's state and says what it arranged. No option leaves the setups as they are.
 */
function branch<T>(setups: Setup[], options: T[], arrange: (state: GameState, option: T) => string): Setup[] {
  if (!options.length) return setups;
  return setups.flatMap((setup) =>
    options.map((option) => {
      const state: GameState = { ...setup.state, permanents: setup.state.permanents.map((q) => ({ ...q, counters: { ...q.counters } })) };
      return { state, requires: [...setup.requires, arrange(state, option)] };
    }),
  ).slice(0, MAX_SETUPS);
}

/** The copy, in a branched state, of a permanent of the base setup. */
function placed(state: GameState, p: Permanent): Permanent {
  return state.permanents.find((q) => q.id === p.id) as Permanent;
}
