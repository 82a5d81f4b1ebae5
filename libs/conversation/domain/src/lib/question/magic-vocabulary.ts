import { stem, words } from '../text/terms';

/**
 * Words that tell a Magic question from any other, weighted by how much they give it away:
 * 3: only Magic says it ("planeswalker", "deathtouch");
 * 2: a game term seldom used outside games ("graveyard", "sorcery", "creature");
 * 1: common in Magic but shared with other games or everyday talk ("card", "turn", "rules");
 * 0.5: leans towards a game at most ("win", "magic" on its own).
 * Words are stemmed on both sides, so "creatures" and "creature" are one entry.
 */
const WORDS_BY_WEIGHT: Array<[number, string]> = [
  [
    3,
    'mtg edh cmc etb etbs ltb wotc dci fnm mtgo planeswalker deathtouch lifelink hexproof trample ' +
      'vigilance menace indestructible flashback kicker convoke delve cascade proliferate scry surveil ' +
      'mulligan mana sorcery upkeep untap untapped toughness counterspell cantrip megamorph ' +
      'ninjutsu unearth dredge buyback overload prowess phyrexian planechase archenemy oathbreaker ' +
      'gatherer scryfall nonland noncreature nonartifact nontoken nonbasic nonlegendary ' +
      'enchantment landfall annihilator infect sideboard decklist prerelease lifegain ' +
      'horsemanship eldrazi monarch amass connive flicker aggro gamestate sliver archetype',
  ],
  [
    2,
    'creature spell instant artifact aura equipment equip enchant permanent sacrifice discard ' +
      'graveyard battlefield exile library planeswalk commander brawl pauper legendary shroud ward ' +
      'regenerate mill tutor morph manifest emerge evoke suspend storm cycling madness miracle ' +
      'persist undying bestow affinity toxic wither devotion loyalty changeling phasing banding ' +
      'cast casting trigger triggered triggers activated activate ramp rarity ' +
      'ability attacker attacking blocker blocking blocked combat damage colorless multicolored ' +
      'mythic booster errata ruling oracle opponent timestamp summoning ' +
      'token tapped tap dies destroy counters defender haste flash',
  ],
  [
    1,
    'card deck player turn phase step target control controller owner hand life counter ' +
      'color colour format tournament judge rule comprehensive power cost effect replacement ' +
      'prevent draw attack block copy land basic forest island swamp mountain plains foil ' +
      'reprint draft sealed modern legacy vintage standard pioneer dragon goblin elf zombie ' +
      'angel vampire wizard treasure clue reach protection poison energy flying stack priority ' +
      'kill banned combo interact interaction expansion uncommon cube',
  ],
  [0.5, 'magic win lose game play resolve resolution'],
];

/** Terms that only give a question away together. */
const PHRASES_BY_WEIGHT: Array<[number, string[]]> = [
  [
    3,
    [
      'magic the gathering', 'first strike', 'double strike', 'state based', 'summoning sickness',
      'mana value', 'life total', 'end step', 'combat damage', 'enters the battlefield',
      'comprehensive rules', 'oracle text', 'basic land', 'magic card', 'magic cards', 'magic online',
      'friday night magic',
    ],
  ],
  [1, ['work together', 'in play']],
];

const TERM_WEIGHT = new Map<string, number>(
  WORDS_BY_WEIGHT.flatMap(([weight, list]) => list.split(/\s+/).map((word) => [stem(word), weight] as const)),
);
const PHRASE_WEIGHT = PHRASES_BY_WEIGHT.flatMap(([weight, phrases]) => phrases.map((phrase) => ({ phrase, weight })));

/**
 * Notation only Magic uses: mana and tap symbols like {2}{R} or {T}, and signed stat changes like
 * +1/+1 or -2/-0 (unsigned "1/2" is as likely a fraction in a recipe).
 */
const MAGIC_NOTATION = /\{(?:[0-9]+|[WUBRGCXSTQEP](?:\/[WUBRGCP])?)\}|(?<![\w/])[+-]\d{1,2}\/[+-]\d{1,2}(?![\w/])/;

/**
 * How much a text sounds like Magic: the sum of the weights of the distinct Magic words and
 * phrases it uses, plus 3 for mana or stat notation. Each word counts once, so a long text is not
 * taken for Magic just because it repeats "card".
 */
export function magicVocabularyScore(text: string): number {
  const textWords = words(text);
  const stems = new Set(textWords.map(stem));
  const spaced = ` ${textWords.join(' ')} `;
  let score = [...stems].reduce((sum, term) => sum + (TERM_WEIGHT.get(term) ?? 0), 0);
  score += PHRASE_WEIGHT.filter(({ phrase }) => spaced.includes(` ${phrase} `)).reduce((sum, { weight }) => sum + weight, 0);
  return MAGIC_NOTATION.test(text) ? score + 3 : score;
}
