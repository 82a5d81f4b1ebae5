import type { Ability, ActivatedAbility, ParsedCard, StaticEffect, TriggeredAbility } from '../model/ability';
import type { LoopCard } from '../model/loop-card';
import { parseCardAbilities } from '../parser/parse-card';

/** A card (or token kind) as the engine sees it: parsed once, with its characteristics pre-read. */
export interface CardInfo {
  index: number;
  name: string;
  card: LoopCard | null;
  parsed: ParsedCard;
  types: Set<string>;
  subtypes: Set<string>;
  legendary: boolean;
  permanent: boolean;
  power: number;
  toughness: number;
  loyalty: number;
  keywords: Set<string>;
  activated: ActivatedAbility[];
  triggered: TriggeredAbility[];
  statics: { ability: Ability; effect: StaticEffect }[];
  spellEffects: Ability[];
  manaValue: number;
  manaCost: string;
  /** For a clone entered as a copy: the catalogue index of the card itself, which is what changes zones. */
  printed?: number;
}

const parsedCache = new WeakMap<LoopCard, ParsedCard>();

/** Parses a card once per card object, so pools and decks reuse the work. */
export function parsedCard(card: LoopCard): ParsedCard {
  let parsed = parsedCache.get(card);
  if (!parsed) {
    parsed = parseCardAbilities(card);
    parsedCache.set(card, parsed);
  }
  return parsed;
}

function numberOr(value: string | null | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isNaN(n) ? fallback : n;
}

export function describeAbilities(parsed: ParsedCard): Pick<CardInfo, 'activated' | 'triggered' | 'statics' | 'spellEffects'> {
  return {
    activated: parsed.abilities.filter((a): a is ActivatedAbility => a.kind === 'activated'),
    triggered: parsed.abilities.filter((a): a is TriggeredAbility => a.kind === 'triggered'),
    statics: parsed.abilities.flatMap((a) => (a.kind === 'static' ? [{ ability: a, effect: a.effect }] : [])),
    spellEffects: parsed.abilities.filter((a) => a.kind === 'spell'),
  };
}

export function cardInfo(card: LoopCard, index: number): CardInfo {
  const parsed = parsedCard(card);
  const front = card.faces[0];
  const types = new Set(card.types.map((t) => t.toLowerCase()));
  const keywords = new Set(card.keywords.map((k) => k.toLowerCase()));
  for (const ability of parsed.abilities) if (ability.kind === 'keyword') keywords.add(ability.keyword);
  return {
    index,
    name: card.name,
    card,
    parsed,
    types,
    subtypes: new Set(card.subtypes.map((t) => t.toLowerCase())),
    legendary: card.supertypes.some((t) => t.toLowerCase() === 'legendary'),
    permanent: [...types].some((t) => ['artifact', 'creature', 'enchantment', 'land', 'planeswalker', 'battle'].includes(t)),
    power: numberOr(card.power ?? front?.power, 0),
    toughness: numberOr(card.toughness ?? front?.toughness, 0),
    loyalty: numberOr(card.loyalty, 3),
    keywords,
    manaValue: card.manaValue,
    manaCost: card.manaCost,
    ...describeAbilities(parsed),
  };
}

/** A clone that entered as a copy of another card: the original's characteristics plus what the clone's "except" adds. */
export function copyInfo(original: CardInfo, clone: CardInfo, except: Ability[], index: number): CardInfo {
  const extra = describeAbilities({ name: clone.name, abilities: except, unparsed: [] });
  return {
    ...original,
    index,
    name: `${clone.name} (as ${original.name})`,
    printed: clone.index,
    activated: [...original.activated, ...extra.activated],
    triggered: [...original.triggered, ...extra.triggered],
    statics: [...original.statics, ...extra.statics],
  };
}

/** A mutating creature merged on top of another: the top card's characteristics, both cards' abilities. */
export function mutatedInfo(top: CardInfo, under: CardInfo, index: number): CardInfo {
  return {
    ...top,
    index,
    name: `${top.name} (mutated onto ${under.name})`,
    printed: top.index,
    keywords: new Set([...top.keywords, ...under.keywords]),
    activated: [...top.activated, ...under.activated],
    triggered: [...top.triggered, ...under.triggered],
    statics: [...top.statics, ...under.statics],
  };
}

/** Rules text of the predefined tokens, read by the same parser as cards. */
const PREDEFINED_TOKENS: Record<string, { types: string[]; text: string }> = {
  treasure: { types: ['artifact'], text: '{T}, Sacrifice this artifact: Add one mana of any color.' },
  food: { types: ['artifact'], text: '{2}, {T}, Sacrifice this artifact: You gain 3 life.' },
  clue: { types: ['artifact'], text: '{2}, Sacrifice this artifact: Draw a card.' },
  gold: { types: ['artifact'], text: 'Sacrifice this artifact: Add one mana of any color.' },
  powerstone: { types: ['artifact'], text: '{T}: Add {C}. This mana can\'t be spent to cast a nonartifact spell.' },
};

/** A token kind described by an effect ("Treasure", "1/1 white Soldier creature"). */
export function tokenInfo(description: string, power: number | undefined, toughness: number | undefined, haste: boolean, index: number, grantedText?: string): CardInfo {
  const predefined = PREDEFINED_TOKENS[description];
  const name = predefined ? description[0].toUpperCase() + description.slice(1) : `${description} token`.trim();
  const text = predefined?.text ?? grantedText ?? '';
  const parsed = parseCardAbilities({
    name, oracleText: text, faces: [], typeLine: '', types: [], subtypes: [], supertypes: [], manaCost: '', manaValue: 0,
    keywords: [], colorIdentity: [], producedMana: [], power: null, toughness: null,
  });
  const words = description.split(/\s+/);
  const types = new Set(predefined?.types ?? words.filter((w) => ['creature', 'artifact', 'enchantment', 'land'].includes(w)));
  if (!predefined && power !== undefined) types.add('creature');
  return {
    index, name, card: null, parsed, types,
    subtypes: new Set(words.filter((w) => !types.has(w) && /^[a-z]+$/.test(w))),
    legendary: false, permanent: true, power: power ?? 0, toughness: toughness ?? 0, loyalty: 0,
    keywords: new Set(haste || /haste/.test(description) ? ['haste'] : []),
    manaValue: 0, manaCost: '',
    ...describeAbilities(parsed),
  };
}
