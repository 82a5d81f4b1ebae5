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
  return info.subtypes.has('equipment') && board.isCreature(host);
}

/**
 * Every listed card in its natural zone: permanents on the battlefield, untapped and ready;
 * instants and sorceries in hand; Auras and Equipment on each sensible host; imprint cards imprinted.
 */
export function initialSetups(board: Board, simulator: Simulator): Setup[] {
  const base: GameState = {
    permanents: [], hand: [], graveyard: [], exile: [], pool: {}, untappedLands: LANDS_IN_PLAY, life: STARTING_LIFE, energy: 0,
    otherCardsInHand: 1, library: LIBRARY_SIZE, tallies: emptyTallies(), stack: [], nextId: 1, seeds: [],
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
    const imprint = board.info(p).triggered.flatMap((t) => t.effects).find((e) => e.kind === 'imprint');
    if (imprint?.kind !== 'imprint') continue;
    const card = base.hand.find((c) => simulator.imprintable(c, imprint));
    if (card === undefined) continue;
    base.hand.splice(base.hand.indexOf(card), 1);
    p.imprinted = card;
    requires.push(`${board.cards[card].name} imprinted on ${board.info(p).name}`);
  }
  let setups: Setup[] = [{ state: base, requires }];
  for (const attachment of base.permanents.filter((p) => board.info(p).subtypes.has('aura') || board.info(p).subtypes.has('equipment'))) {
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
