/** Mana symbols the engine tracks: five colours, colourless, and "any colour" ('*'). */
export type ManaSymbol = 'W' | 'U' | 'B' | 'R' | 'G' | 'C' | '*';
export const COLOURS = ['W', 'U', 'B', 'R', 'G'] as const;

/** A mana cost: generic amount plus coloured pips; `x` marks a variable part (taken as 0 or 1). */
export interface ManaCost {
  generic: number;
  pips: Partial<Record<ManaSymbol, number>>;
  x: boolean;
}

/** Which objects a cost, target or trigger accepts. Empty fields accept anything. */
export interface ObjectFilter {
  /** Card types, any of which matches ("artifact", "creature", "permanent" matches all). */
  types?: string[];
  subtypes?: string[];
  excludedSubtypes?: string[];
  /** Supertypes or types that exclude, e.g. "legendary" for "nonlegendary", "land" for "nonland". */
  excludedTypes?: string[];
  /** "another": not the object the ability belongs to. */
  another?: boolean;
  /** "this": only the object the ability belongs to. */
  self?: boolean;
  /** "enchanted creature", "equipped creature": only the object the ability's host is attached to. */
  attached?: boolean;
  /** "with mana value 1 or less". */
  maxManaValue?: number;
  /** "creatures you control that share a creature type with it": counted against the triggering object. */
  sharesCreatureTypeWithEvent?: boolean;
  /** Colours (W, U, B, R, G), any of which matches: "as long as enchanted creature is white". */
  colours?: string[];
  token?: boolean;
  nontoken?: boolean;
  controller?: 'you' | 'opponent' | 'any';
  untappedOnly?: boolean;
  /** "attacking creature". */
  attacking?: boolean;
  /** "creature without flying": keywords the object must not have. */
  withoutKeywords?: string[];
  /** Soulbond ("both creatures have lifelink"): the object that has the ability, or the creature it is paired with. */
  paired?: boolean;
  /** "As long as another Aura is attached to enchanted creature": only while a second Aura is on the host. */
  withAnotherAura?: boolean;
}

export type Cost =
  | { kind: 'mana'; mana: ManaCost }
  | { kind: 'tap' }
  | { kind: 'untap' }
  | { kind: 'sacrifice'; filter: ObjectFilter; count: number }
  | { kind: 'removeCounters'; counter: string; count: number; filter: ObjectFilter }
  | { kind: 'putCounters'; counter: string; count: number; filter: ObjectFilter }
  | { kind: 'loyalty'; change: number }
  | { kind: 'payLife'; amount: number }
  | { kind: 'exile'; what: 'self' | 'graveyardCard' | 'handCard' }
  /** `wholeHand`: "Discard your hand" (Lion's Eye Diamond). */
  | { kind: 'discard'; count: number; self: boolean; wholeHand?: boolean }
  /** "Exert this creature": it won't untap during the next untap step, so within a turn it costs nothing. */
  | { kind: 'exert' }
  | { kind: 'returnToHand'; filter: ObjectFilter }
  | { kind: 'tapOther'; filter: ObjectFilter; count: number }
  | { kind: 'energy'; amount: number };

/** Who or what an effect acts on. */
export type Target =
  | { kind: 'self' }
  /** The object the triggering event was about ("it", "that creature"). */
  | { kind: 'eventObject' }
  /** The object this ability's host is attached to, or that an aura/equipment grants to. */
  | { kind: 'attached' }
  /** The object an earlier effect of the same ability chose ("gain control of target permanent. Untap that permanent."). */
  | { kind: 'earlierTarget' }
  | { kind: 'chosen'; filter: ObjectFilter; upTo: number; optional: boolean }
  | { kind: 'all'; filter: ObjectFilter };

export type PlayerRef = 'you' | 'opponent' | 'each opponent' | 'each player' | 'target player';

/** An amount on a card: a number, X, "that much" (the triggering amount), or a count of objects. */
export type Amount =
  | number
  | 'X'
  | 'event'
  | { countOf: ObjectFilter }
  | { coloursAmong: ObjectFilter }
  /** "equal to ~'s power", "equal to that creature's power": a power read when the effect resolves. */
  | { powerOf: 'self' | 'eventObject' };

export type Effect =
  | {
      kind: 'addMana'; amount: Amount; symbols: ManaSymbol[]; choice: 'all' | 'one'; restriction?: string;
      /** "one mana of any type that land produced": the type the triggering tap made. */
      ofEventType?: boolean;
    }
  /** "Double the amount of each type of unspent mana you have." */
  | { kind: 'doubleMana' }
  | { kind: 'untap'; target: Target }
  | { kind: 'tap'; target: Target }
  | { kind: 'tapOrUntap'; target: Target }
  | {
      kind: 'createToken';
      count: Amount;
      copyOf?: Target;
      haste: boolean;
      tapped: boolean;
      /** Predefined or described token: "Treasure", "1/1 white Soldier creature". */
      description: string;
      creature: boolean;
      power?: number;
      toughness?: number;
      /** Rules text the tokens have ("Sacrifice this token: Add {C}."). */
      grantedText?: string;
    }
  /** `self`: "itself"; `eventObject`: "that creature" the trigger was about. */
  | { kind: 'damage'; amount: Amount; to: 'any' | 'opponent' | 'each opponent' | 'each creature' | 'creature' | 'you' | 'self' | 'eventObject' | 'any other' }
  | { kind: 'gainLife'; amount: Amount }
  | { kind: 'loseLife'; amount: Amount; who: PlayerRef }
  | { kind: 'draw'; count: Amount; who: PlayerRef }
  | { kind: 'mill'; count: Amount; who: PlayerRef }
  | { kind: 'putCounters'; counter: string; count: Amount; target: Target }
  | { kind: 'removeCounters'; counter: string; count: Amount; target: Target }
  | { kind: 'proliferate' }
  /** "Choose a counter on target permanent. Give that permanent another counter of that kind." */
  | { kind: 'counterOfHeldKind'; target: Target }
  | { kind: 'bounce'; target: Target }
  | { kind: 'flicker'; target: Target }
  | { kind: 'reanimate'; target: Target; counters?: { counter: string; count: number } }
  | { kind: 'returnFromGraveyardToHand'; target: Target }
  /** "When target creature dies this turn, return that card to the battlefield": a delayed trigger on that creature. */
  | { kind: 'returnWhenDies'; target: Target }
  /** "Shuffle it into its owner's library", "put it into its owner's library third from the top": the card waits there for a search. */
  | { kind: 'toLibrary'; target: Target }
  /** "Search your library for a card with the same name as that creature, put it onto the battlefield". */
  | { kind: 'fetchSameName'; target: Target }
  /** "Put target card from your graveyard on top of your library": it is the next card drawn. */
  | { kind: 'putOnLibrary'; target: Target }
  | { kind: 'sacrifice'; target: Target }
  | { kind: 'destroy'; target: Target }
  | { kind: 'copySpell' }
  | { kind: 'copyAbility' }
  | { kind: 'castImprinted' }
  | { kind: 'imprint'; filter: ObjectFilter; maxManaValue?: number }
  | { kind: 'extraTurn' }
  /** "You skip your next turn": it cancels an extra turn banked or still to come. */
  | { kind: 'skipTurn' }
  | { kind: 'extraCombat' }
  | { kind: 'pump'; power: Amount; toughness: Amount; target: Target }
  | { kind: 'grantKeyword'; keyword: string; target: Target }
  /** "Target artifact creature becomes blue until end of turn": `colour` is a colour word. */
  | { kind: 'becomeColour'; colour: string; target: Target }
  | { kind: 'scry' }
  | { kind: 'search' }
  | { kind: 'discard' }
  | { kind: 'gainControl'; target: Target }
  /** "Until end of turn, whenever you gain life, ...": a trigger the player has for the rest of the turn. */
  | { kind: 'turnTrigger'; ability: TriggeredAbility };

export type TriggerEvent =
  | 'enters'
  | 'dies'
  | 'leaves'
  | 'gainLife'
  | 'loseLife'
  | 'draw'
  | 'cast'
  | 'castOrCopy'
  | 'tokenCreated'
  | 'countersPut'
  | 'dealsDamage'
  | 'becomesTapped'
  | 'becomesUntapped'
  | 'tappedForMana'
  | 'activate'
  | 'sacrifice'
  | 'attacks'
  | 'beginningOfStep'
  | 'mill'
  | 'discard'
  /** "Whenever ~ is dealt damage". */
  | 'dealtDamage'
  /** "Whenever a card is put into an opponent's graveyard from anywhere". */
  | 'opponentGraveyard';

export interface Trigger {
  event: TriggerEvent;
  /** Which object the event must be about; absent for player events. */
  subject?: ObjectFilter;
  /** For player events: whose life/draw it is. */
  player?: 'you' | 'opponent' | 'any';
  /** Extra condition: "if it had no +1/+1 counters on it", "if it isn't a mana ability". */
  condition?:
    | { kind: 'noCounters'; counter: string }
    | { kind: 'notManaAbility' }
    /** "if this creature isn't a token". */
    | { kind: 'notToken' }
    /** "if ~ has three or more quest counters on it": the setup must arrange them, and the trigger checks them. */
    | { kind: 'selfCounters'; counter: string; atLeast: number }
    /** "if you control no Thopters other than ~". */
    | { kind: 'controlsNone'; filter: ObjectFilter }
    /** Revolt: "if a permanent left the battlefield under your control this turn". */
    | { kind: 'leftThisTurn' };
  /** For cast triggers: which spells. */
  spellTypes?: string[];
  /** For cast triggers: the spell's colours, any of which matches ("whenever you cast a red spell"). */
  spellColours?: string[];
  step?: string;
  /** "deals combat damage": damage from an ability does not count. */
  combatOnly?: boolean;
}

export type StaticEffect =
  | { kind: 'costReduction'; appliesTo: 'activated' | 'spells'; filter: Target; amount: number; floor: number; nonManaOnly?: boolean }
  /** "You may spend mana as though it were mana of any color." */
  | { kind: 'spendAsAnyColour' }
  /** "If you tap a permanent for mana, it produces twice as much of that mana instead." */
  | { kind: 'manaMultiplier'; factor: number }
  | { kind: 'preventCounters'; counter: string | 'any'; filter: ObjectFilter }
  | { kind: 'reduceCounters'; counter: string; by: number; filter: ObjectFilter }
  | { kind: 'tokenDoubler' }
  | { kind: 'triggerDoubler'; event?: TriggerEvent }
  | { kind: 'counterDoubler' }
  | { kind: 'doesntUntap' }
  | { kind: 'entersWithCounters'; counter: string; count: Amount }
  /** "Each other creature you control enters with an additional +1/+1 counter on it." */
  | { kind: 'othersEnterWithCounters'; counter: string; count: number; filter: ObjectFilter }
  | { kind: 'entersTapped' }
  | { kind: 'grant'; to: Target; abilities: Ability[]; keywords: string[] }
  /** `per`: "+1/+1 for each color among permanents you control" counts how many times the bonus applies. */
  | { kind: 'anthem'; power: number; toughness: number; to: Target; per?: Exclude<Amount, number | 'X' | 'event'> }
  | { kind: 'untapsDuringOtherUntapSteps' }
  | { kind: 'attachRestriction'; filter: ObjectFilter }
  /** "You may have ~ enter as a copy of any creature on the battlefield, except it has "..."". */
  | { kind: 'entersAsCopy'; filter: ObjectFilter; except: Ability[] }
  /** "Creatures entering or dying don't cause abilities to trigger." */
  | { kind: 'suppressTriggers'; events: TriggerEvent[]; filter: ObjectFilter }
  /** "All creatures are black": the colour of every object the filter names is replaced. */
  | { kind: 'setColour'; colours: string[]; filter: ObjectFilter }
  /** "~ can't attack during extra turns." */
  | { kind: 'noAttackInExtraTurns' }
  /** Read, but of no consequence to loops ("This creature can't block."). */
  | { kind: 'inert' };

interface AbilityBase {
  /** The exact oracle text of this ability, as printed (without reminder text). */
  text: string;
  /** The face it is printed on. */
  face: string;
  /** Sentences of this ability the parser could not read. */
  unread: string[];
}

export interface ActivatedAbility extends AbilityBase {
  kind: 'activated';
  costs: Cost[];
  effects: Effect[];
  oncePerTurn: boolean;
  sorcerySpeed: boolean;
  isManaAbility: boolean;
  /** "Choose one —" modes; when present one of them replaces `effects`. */
  modes?: Effect[][];
  /** Loyalty abilities share one activation per turn per permanent. */
  loyalty: boolean;
}

export interface TriggeredAbility extends AbilityBase {
  kind: 'triggered';
  trigger: Trigger;
  effects: Effect[];
  optional: boolean;
  /** "you may pay {2}. If you do, ..." */
  optionalCost?: Cost[];
  oncePerTurn: boolean;
  modes?: Effect[][];
}

export interface StaticAbility extends AbilityBase {
  kind: 'static';
  effect: StaticEffect;
}

export interface SpellAbility extends AbilityBase {
  kind: 'spell';
  effects: Effect[];
  modes?: Effect[][];
}

export interface KeywordAbility extends AbilityBase {
  kind: 'keyword';
  keyword: string;
  /** Mana cost for keywords such as equip or adapt. */
  cost?: ManaCost;
  amount?: number;
}

export type Ability = ActivatedAbility | TriggeredAbility | StaticAbility | SpellAbility | KeywordAbility;

export interface ParsedCard {
  name: string;
  abilities: Ability[];
  unparsed: { text: string }[];
}
