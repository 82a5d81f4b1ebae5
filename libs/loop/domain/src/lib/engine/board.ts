import { COLOURS, type Ability, type ActivatedAbility, type Amount, type ObjectFilter, type StaticEffect, type Target, type TriggeredAbility } from '../model/ability';
import type { LoopCard } from '../model/loop-card';
import { COLOUR_LETTERS } from '../parser/object-filter';
import { cardInfo, copyInfo, mutatedInfo, tokenInfo, type CardInfo } from './card-catalogue';
import { LANDS_IN_PLAY, type GameState, type Permanent } from './game-state';
import { cardColours } from './mana';

const BASIC_LAND_TYPES: Record<string, string> = { plains: 'W', island: 'U', swamp: 'B', mountain: 'R', forest: 'G' };
/** Counters that give their keyword to the object they are on. */
const KEYWORD_COUNTERS = new Set(['flying', 'first strike', 'double strike', 'deathtouch', 'haste', 'hexproof', 'indestructible', 'lifelink', 'menace', 'reach', 'trample', 'vigilance']);

/** An ability an object has, with the card whose printed text grants it (for explanations). */
export interface HeldAbility<A extends Ability> {
  ability: A;
  textCard: number;
  key: string;
}

/** The cards of one analysis, token kinds made on the way, and the questions rules ask about objects. */
export class Board {
  readonly cards: CardInfo[];
  readonly colours: string[];
  private readonly tokenKinds = new Map<string, number>();
  /**
   * "All creatures are black": read once from the listed permanents. They start on the battlefield and such an
   * enchantment is rarely what a loop moves, so the colour holds for the whole search (filters have no state to ask).
   */
  private readonly colourSetters: { filter: ObjectFilter; colours: string[] }[];

  constructor(cards: LoopCard[]) {
    this.cards = cards.map((card, index) => cardInfo(card, index));
    this.colourSetters = this.cards.filter((info) => info.permanent).flatMap((info) => info.statics.flatMap(({ effect }) => (effect.kind === 'setColour' ? [effect] : [])));
    const identity = new Set(cards.flatMap((c) => c.colorIdentity));
    // Wastes are basics any deck may play: a cost that asks for {C} can count on them.
    const asksForColourless = this.cards.some((info) => info.manaCost.includes('{C}') || info.activated.some((a) => a.costs.some((c) => c.kind === 'mana' && c.mana.pips.C)));
    this.colours = identity.size ? [...identity, ...(asksForColourless ? ['C'] : [])].sort() : ['C'];
  }

  /** Catalogue index of a token kind, made on first use. */
  tokenKind(description: string, power: number | undefined, toughness: number | undefined, haste: boolean, grantedText?: string): number {
    const key = `${description}|${power}|${toughness}|${haste}|${grantedText ?? ''}`;
    let index = this.tokenKinds.get(key);
    if (index === undefined) {
      index = this.cards.length;
      this.cards.push(tokenInfo(description, power, toughness, haste, index, grantedText));
      this.tokenKinds.set(key, index);
    }
    return index;
  }

  /** Catalogue index of a clone entered as a copy of another card, made on first use. */
  copyKind(original: number, clone: number, except: Ability[]): number {
    const key = `copy|${original}|${clone}`;
    let index = this.tokenKinds.get(key);
    if (index === undefined) {
      index = this.cards.length;
      this.cards.push(copyInfo(this.cards[original], this.cards[clone], except, index));
      this.tokenKinds.set(key, index);
    }
    return index;
  }

  /**
   * Catalogue index of a basic land taken out of the counted ones to be an object of its own (an Aura enchants it),
   * of a type the filter names, or else of the identity's first colour.
   */
  basicLandKind(subtypes: string[] = []): number {
    const colour = BASIC_LAND_TYPES[subtypes.find((t) => t in BASIC_LAND_TYPES) ?? ''] ?? this.colours.find((c) => c !== 'C') ?? 'C';
    const type = Object.keys(BASIC_LAND_TYPES).find((t) => BASIC_LAND_TYPES[t] === colour) ?? 'wastes';
    const key = `basic|${type}`;
    let index = this.tokenKinds.get(key);
    if (index === undefined) {
      index = this.cards.length;
      const info = tokenInfo(`basic ${type} land`, undefined, undefined, false, index, `{T}: Add {${colour}}.`);
      this.cards.push({ ...info, name: type[0].toUpperCase() + type.slice(1) });
      this.tokenKinds.set(key, index);
    }
    return index;
  }

  /** Catalogue index of a creature mutated on top of another, made on first use. */
  mutatedKind(top: number, under: number): number {
    const key = `mutate|${top}|${under}`;
    let index = this.tokenKinds.get(key);
    if (index === undefined) {
      index = this.cards.length;
      this.cards.push(mutatedInfo(this.cards[top], this.cards[under], index));
      this.tokenKinds.set(key, index);
    }
    return index;
  }

  /** The card an object really is, which is what goes to a graveyard, hand or exile. */
  printedCard(p: Permanent): number {
    return this.info(p).printed ?? p.card;
  }

  info(p: Permanent): CardInfo {
    return this.cards[p.card];
  }

  types(p: Permanent): Set<string> {
    const types = this.info(p).types;
    return p.extraTypes.length ? new Set([...types, ...p.extraTypes]) : types;
  }

  isCreature(p: Permanent): boolean {
    return this.types(p).has('creature');
  }

  matches(p: Permanent, filter: ObjectFilter, source: Permanent | null): boolean {
    const info = this.info(p);
    const types = this.types(p);
    const legendary = info.legendary && !p.extraTypes.includes('nonlegendary');
    if (filter.self) return source !== null && p.id === source.id;
    if (filter.paired && (source === null || source.pairedWith === null || (p.id !== source.id && p.id !== source.pairedWith))) return false;
    if (filter.attached && (source === null || source.attachedTo !== p.id)) return false;
    if (filter.colours && !filter.colours.some((c) => this.colourOf(p).includes(c))) return false;
    if (filter.maxManaValue !== undefined && info.manaValue > filter.maxManaValue) return false;
    if (filter.another && source && p.id === source.id) return false;
    if (filter.controller === 'opponent') return false;
    if (filter.token && !p.token) return false;
    if (filter.nontoken && p.token) return false;
    if (filter.untappedOnly && p.tapped) return false;
    if (filter.attacking && !p.attacking) return false;
    if (filter.withoutKeywords?.some((k) => this.ownKeywords(p).has(k))) return false;
    if (filter.types?.length) {
      const wanted = filter.types.filter((t) => t !== 'legendary' && t !== 'basic' && t !== 'snow');
      if (wanted.length && !wanted.some((t) => types.has(t))) return false;
      if (filter.types.includes('legendary') && !legendary) return false;
    }
    if (filter.excludedTypes?.some((t) => (t === 'legendary' ? legendary : types.has(t)))) return false;
    if (filter.subtypes?.length && !filter.subtypes.some((t) => info.subtypes.has(t) || types.has(t))) return false;
    if (filter.excludedSubtypes?.some((t) => info.subtypes.has(t))) return false;
    return true;
  }

  /** Does a filter reach the seven basic lands (counted, not modelled one by one)? */
  reachesLands(filter: ObjectFilter): boolean {
    if (filter.self || filter.controller === 'opponent' || filter.token) return false;
    if (filter.excludedTypes?.includes('land')) return false;
    if (filter.types?.length) return filter.types.includes('land');
    return !filter.subtypes?.length;
  }

  /**
   * How many of the seven counted basic lands a filter names. The lands are basics of the identity's
   * colours: one colour makes all seven of its type; several colours split them evenly, rounding down,
   * so a count of Swamps or Forests never overstates. Only filters that name lands or a basic land type count them.
   */
  basicLandsMatching(filter: ObjectFilter, state: GameState): number {
    if (filter.self || filter.token || filter.controller === 'opponent') return 0;
    if (filter.excludedTypes?.some((t) => t === 'land' || t === 'basic')) return 0;
    if (filter.types?.some((t) => t === 'legendary' || t === 'snow')) return 0;
    const lands = filter.untappedOnly ? state.untappedLands : LANDS_IN_PLAY;
    if (filter.subtypes?.length) {
      const colours = this.colours.filter((c) => c !== 'C');
      const named = colours.filter((c) => filter.subtypes?.some((t) => BASIC_LAND_TYPES[t] === c));
      return colours.length ? Math.floor((lands * named.length) / colours.length) : 0;
    }
    return filter.types?.includes('land') ? lands : 0;
  }

  /** "For each creature you control", "for each color among permanents you control". */
  count(state: GameState, amount: Exclude<Amount, number | 'X' | 'event'>, source: Permanent, eventObject?: Permanent): number {
    if ('coloursAmong' in amount) return this.coloursAmong(state, amount.coloursAmong, source).length;
    if ('powerOf' in amount) {
      const object = amount.powerOf === 'self' ? source : eventObject;
      const current = object && (state.permanents.find((p) => p.id === object.id) ?? object);
      return current ? Math.max(0, this.power(state, current)) : 0;
    }
    const filter = amount.countOf;
    const kin = (p: Permanent) => !filter.sharesCreatureTypeWithEvent || (eventObject !== undefined && this.sharesCreatureType(p, eventObject));
    return state.permanents.filter((p) => this.matches(p, filter, source) && kin(p)).length + this.basicLandsMatching(filter, state);
  }

  /** Whether two objects have a creature type in common (a token's colour words are not types). */
  sharesCreatureType(a: Permanent, b: Permanent): boolean {
    const typesOf = (p: Permanent) => [...this.info(p).subtypes].filter((t) => t !== 'colorless' && !(t in COLOUR_LETTERS));
    const theirs = new Set(typesOf(b));
    return typesOf(a).some((t) => theirs.has(t));
  }

  /** The distinct colours of the objects a filter matches, in WUBRG order. */
  coloursAmong(state: GameState, filter: ObjectFilter, source: Permanent): string[] {
    const colours = new Set(state.permanents.filter((p) => this.matches(p, filter, source)).flatMap((p) => this.colourOf(p)));
    return COLOURS.filter((c) => colours.has(c));
  }

  /** Whether every counted basic land matches a filter: "a Swamp" covers them all only when the identity is black alone. */
  everyLandMatches(filter: ObjectFilter): boolean {
    if (filter.attached || !this.reachesLands({ ...filter, subtypes: undefined })) return false;
    if (!filter.subtypes?.length) return true;
    const colours = this.colours.filter((c) => c !== 'C');
    return colours.length === 1 && filter.subtypes.some((t) => BASIC_LAND_TYPES[t] === colours[0]);
  }

  /** An object's colours: a card's from its mana cost, a token's from its description, unless a static sets them. */
  colourOf(p: Permanent): string[] {
    const setter = this.colourSetters.find((s) => this.matches(p, s.filter, null));
    if (setter) return setter.colours;
    // "Becomes blue until end of turn": the colour an effect gave it is kept with its extra types.
    const given = p.extraTypes.filter((t) => t in COLOUR_LETTERS);
    if (given.length) return given.map((t) => COLOUR_LETTERS[t]);
    const info = this.info(p);
    if (info.card) return this.cardColours(info.index);
    return Object.entries(COLOUR_LETTERS).filter(([word]) => info.name.includes(word)).map(([, c]) => c);
  }

  /** A card's own colours, as a spell on the stack has them. */
  cardColours(card: number): string[] {
    const info = this.cards[card];
    return cardColours(info.manaCost, info.keywords);
  }

  /** Static effects of everything on the battlefield, with the permanent that has them. */
  statics(state: GameState): { holder: Permanent; effect: StaticEffect; ability: Ability }[] {
    const result: { holder: Permanent; effect: StaticEffect; ability: Ability }[] = [];
    for (const p of state.permanents) for (const s of this.info(p).statics) result.push({ holder: p, ...s });
    return result;
  }

  /** Does a static's target description cover this object? */
  covers(state: GameState, holder: Permanent, to: Target, p: Permanent): boolean {
    if (to.kind === 'attached') return holder.attachedTo === p.id;
    if (to.kind === 'all') return this.matches(p, to.filter, holder) && (!to.filter.withAnotherAura || this.hasAnotherAura(state, holder, p));
    if (to.kind === 'self') return holder.id === p.id;
    return false;
  }

  /** Whether an Aura other than `aura` is attached to `host`. */
  private hasAnotherAura(state: GameState, aura: Permanent, host: Permanent): boolean {
    return state.permanents.some((q) => q.id !== aura.id && q.attachedTo === host.id && this.info(q).subtypes.has('aura'));
  }

  private granted<A extends Ability>(state: GameState, p: Permanent, kind: A['kind']): HeldAbility<A>[] {
    const result: HeldAbility<A>[] = [];
    for (const holder of state.permanents) {
      for (const { effect } of this.info(holder).statics) {
        if (effect.kind !== 'grant' || !this.covers(state, holder, effect.to, p)) continue;
        effect.abilities.forEach((ability, i) => {
          if (ability.kind === kind) result.push({ ability: ability as A, textCard: holder.card, key: `g${holder.card}.${i}` });
        });
      }
    }
    return result;
  }

  activated(state: GameState, p: Permanent): HeldAbility<ActivatedAbility>[] {
    const own = this.info(p).activated.map((ability, i) => ({ ability, textCard: p.card, key: `a${i}` }));
    return [...own, ...this.granted<ActivatedAbility>(state, p, 'activated')];
  }

  triggered(state: GameState, p: Permanent): HeldAbility<TriggeredAbility>[] {
    const own = this.info(p).triggered.map((ability, i) => ({ ability, textCard: p.card, key: `t${i}` }));
    return [...own, ...this.granted<TriggeredAbility>(state, p, 'triggered')];
  }

  /**
   * Keywords an object has of itself: printed, gained until end of turn, or from a keyword counter
   * ("a flying counter"). Statics of other permanents are left out: a filter has no state to read them from.
   */
  ownKeywords(p: Permanent): Map<string, number> {
    const result = new Map<string, number>();
    for (const k of this.info(p).keywords) result.set(k, p.card);
    for (const entry of p.gained) {
      const [k, giver] = entry.split(':');
      result.set(k, giver === undefined ? p.card : Number(giver));
    }
    for (const counter of Object.keys(p.counters)) if (p.counters[counter] > 0 && KEYWORD_COUNTERS.has(counter)) result.set(counter, p.card);
    return result;
  }

  /** Keywords an object has, and the card whose text gives each one. */
  keywords(state: GameState, p: Permanent): Map<string, number> {
    const result = this.ownKeywords(p);
    for (const holder of state.permanents) {
      for (const { effect } of this.info(holder).statics) {
        if (effect.kind === 'grant' && effect.keywords.length && this.covers(state, holder, effect.to, p)) {
          for (const k of effect.keywords) if (!result.has(k)) result.set(k, holder.card);
        }
      }
    }
    return result;
  }

  has(state: GameState, p: Permanent, keyword: string): boolean {
    return this.keywords(state, p).has(keyword);
  }

  toughness(state: GameState, p: Permanent): number {
    return this.info(p).toughness + this.boost(state, p).toughness;
  }

  power(state: GameState, p: Permanent): number {
    return this.info(p).power + this.boost(state, p).power + p.pump;
  }

  private boost(state: GameState, p: Permanent): { power: number; toughness: number } {
    const net = (p.counters['+1/+1'] ?? 0) - (p.counters['-1/-1'] ?? 0);
    let power = net;
    let toughness = net;
    for (const holder of state.permanents) {
      for (const { effect } of this.info(holder).statics) {
        if (effect.kind === 'anthem' && this.covers(state, holder, effect.to, p)) {
          const times = effect.per ? this.count(state, effect.per, holder) : 1;
          power += effect.power * times;
          toughness += effect.toughness * times;
        }
      }
    }
    return { power, toughness };
  }

  /** A key that is equal for objects no rule could tell apart (so the search tries one of them). */
  descriptor(p: Permanent, state: GameState): string {
    return this.describeWith(this.identity(p, state), p, Object.keys(p.counters).filter((k) => p.counters[k]).sort());
  }

  /** The descriptor from a known identity and the (sorted) kinds of counter the object has. */
  describeWith(identity: string, p: Permanent, counters: string[]): string {
    return `${identity}|${counters.map((k) => `${k}${p.counters[k]}`).join(',')}|${p.damage}|${p.pump}`;
  }

  /** The descriptor without the numbers (counters, damage, pump): which object it is, whatever it has on it. */
  identity(p: Permanent, state: GameState): string {
    const host = p.attachedTo === null ? '' : String(state.permanents.find((q) => q.id === p.attachedTo)?.card ?? '?');
    const used = p.used.length > 1 ? [...p.used].sort().join(',') : p.used.join(',');
    return `${p.card}${p.token ? 't' : ''}${p.tapped ? 'T' : ''}${p.sick ? 's' : ''}${p.attacking ? 'A' : ''}${p.pairedWith === null ? '' : 'P'}@${host}|${p.gained.join(',')}|${p.extraTypes.join(',')}|${used}|${p.imprinted ?? ''}`;
  }
}
