import type { Cost, Effect, TriggeredAbility, TriggerEvent } from '../model/ability';

/** Counts of things that happened. Part of the resources a loop may grow. */
export interface Tallies {
  damage: number;
  opponentLifeLost: number;
  lifeGained: number;
  drawn: number;
  milled: number;
  tokens: number;
  enters: number;
  leaves: number;
  dies: number;
  sacrificed: number;
  cast: number;
  copies: number;
  untaps: number;
  counters: number;
  power: number;
  combats: number;
  turns: number;
}

export const TALLY_NAMES: (keyof Tallies)[] = [
  'damage', 'opponentLifeLost', 'lifeGained', 'drawn', 'milled', 'tokens', 'enters', 'leaves', 'dies', 'sacrificed',
  'cast', 'copies', 'untaps', 'counters', 'power', 'combats', 'turns',
];

export function emptyTallies(): Tallies {
  return Object.fromEntries(TALLY_NAMES.map((name) => [name, 0])) as unknown as Tallies;
}

export interface Permanent {
  id: number;
  /** Index into the catalogue (cards, then token kinds). */
  card: number;
  token: boolean;
  tapped: boolean;
  /** Came under control this turn: {T} abilities of creatures need haste. */
  sick: boolean;
  counters: Record<string, number>;
  damage: number;
  attachedTo: number | null;
  /** Keywords gained from copy exceptions or until end of turn, as "keyword:card index of the giver". */
  gained: readonly string[];
  extraTypes: readonly string[];
  pump: number;
  /** Once-per-turn abilities and triggers already used by this object. */
  used: readonly string[];
  imprinted: number | null;
  /** Soulbond: the creature this one is paired with, on both of them; null once either leaves. */
  pairedWith: number | null;
  /** Declared as an attacker in the combat under way. */
  attacking: boolean;
}

/** What a triggered ability or copy needs to know about the event that caused it. */
export interface EventInfo {
  event: TriggerEvent;
  /** The object the event was about, as it last existed. */
  object?: Permanent;
  amount: number;
  /** For activate/cast events: the stack item that was activated or cast. */
  item?: StackItem;
  /** For life events: whose life. */
  who?: 'you' | 'opponent';
  /** For cast and copy events: the card cast. */
  spellCard?: number;
  /** For beginning-of-step events: which step ("upkeep", "combat", "end step"). */
  step?: string;
  /** For tapped-for-mana events: the pool key of the mana the tap made ("C", "G", "*"). */
  mana?: string;
  /** For damage events: dealt in the combat damage step. */
  combat?: boolean;
}

export interface StackItem {
  kind: 'ability' | 'trigger' | 'spell';
  /** Permanent the ability belongs to (may have left since). */
  source: Permanent;
  card: number;
  /** Catalogue card whose text this is (an Aura for granted abilities). */
  textCard: number;
  text: string;
  effects: Effect[];
  modes?: Effect[][];
  event?: EventInfo;
  optionalCost?: Cost[];
  isCopy: boolean;
  /** Card index of a spell that goes to the graveyard on resolution (not for copies). */
  spellCard?: number;
  /** A mana ability of a permanent tapped for mana: how many times as much mana it makes (Mana Reflection). */
  manaFactor?: number;
}

export interface GameState {
  permanents: Permanent[];
  hand: number[];
  graveyard: number[];
  exile: number[];
  /** Mana pool: "C", "G", "*" (any colour), or "C|restriction". */
  pool: Record<string, number>;
  untappedLands: number;
  life: number;
  energy: number;
  /** Unknown cards drawn into hand, spendable on discard costs. */
  otherCardsInHand: number;
  library: number;
  /** Extra turns taken but not yet begun. */
  extraTurns: number;
  /** Combat phases still to come this turn (the turn's own, plus additional ones). */
  combatsLeft: number;
  /** Where a combat under way stands: its beginning step, or attackers declared. */
  combatStep: 'beginning' | 'attackers' | null;
  tallies: Tallies;
  stack: StackItem[];
  nextId: number;
  /** Outside help already taken ("an initial life gain"). */
  seeds: string[];
  /** Triggers the player has until end of turn ("until end of turn, whenever you gain life, ..."); replaced, never mutated. */
  turnTriggers: { textCard: number; ability: TriggeredAbility }[] | undefined;
  /** Known cards on top of your library, the last one on top; replaced, never mutated. */
  libraryTop: number[] | undefined;
  /**
   * Known cards elsewhere in your library ("shuffle it into its owner's library"), which a search can find; replaced,
   * never mutated. Each card is in one zone, so the other zones already tell which cards are here.
   */
  libraryCards: number[] | undefined;
  /** Cards left in the opponent's library; absent means a full library. Running out is their loss, never our cost. */
  opponentLibrary: number | undefined;
}

/**
 * Its lists (gained, extraTypes, used) are shared: they are replaced, never changed in place. Every
 * field is spelled out (the search clones permanents on every move, and a literal is faster than a
 * spread); the type makes sure none is forgotten.
 */
export function clonePermanent(p: Permanent): Permanent {
  return {
    id: p.id, card: p.card, token: p.token, tapped: p.tapped, sick: p.sick, counters: { ...p.counters }, damage: p.damage,
    attachedTo: p.attachedTo, gained: p.gained, extraTypes: p.extraTypes, pump: p.pump, used: p.used, imprinted: p.imprinted,
    pairedWith: p.pairedWith, attacking: p.attacking,
  };
}

/** Every field spelled out, as for permanents: the type makes sure none is forgotten. */
export function cloneState(s: GameState): GameState {
  return {
    permanents: s.permanents.map(clonePermanent), hand: [...s.hand], graveyard: [...s.graveyard], exile: [...s.exile], pool: { ...s.pool },
    untappedLands: s.untappedLands, life: s.life, energy: s.energy, otherCardsInHand: s.otherCardsInHand, library: s.library,
    extraTurns: s.extraTurns, combatsLeft: s.combatsLeft, combatStep: s.combatStep, tallies: { ...s.tallies }, stack: [...s.stack],
    nextId: s.nextId, seeds: [...s.seeds], turnTriggers: s.turnTriggers, libraryTop: s.libraryTop, libraryCards: s.libraryCards,
    opponentLibrary: s.opponentLibrary,
  };
}

export const LANDS_IN_PLAY = 7;
export const STARTING_LIFE = 40;
export const LIBRARY_SIZE = 60;
export const OPPONENT_LIBRARY_SIZE = 60;
