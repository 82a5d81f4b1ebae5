import { normalizeCardName } from '../cards/normalize-name';
import type { CardRecord } from '../model/cards';
import { matchesCardQuery } from './match-card-query';
import { parseCardQuery } from './parse-card-query';
import { searchCards } from './search-cards';

const LEGAL_EVERYWHERE = { modern: 'legal', legacy: 'legal', vintage: 'legal', commander: 'legal' };

function card(fields: Partial<CardRecord> & Pick<CardRecord, 'name' | 'typeLine'>): CardRecord {
  const faces = fields.faces ?? [];
  return {
    oracleId: `id-${fields.name}`,
    normalizedName: normalizeCardName(fields.name),
    faceNames: faces.map((face) => normalizeCardName(face.name)),
    layout: faces.length ? 'split' : 'normal',
    manaCost: '',
    manaValue: 0,
    supertypes: [],
    types: [],
    subtypes: [],
    oracleText: '',
    faces,
    power: null,
    toughness: null,
    loyalty: null,
    colors: [],
    colorIdentity: fields.colors ?? [],
    keywords: [],
    legalities: LEGAL_EVERYWHERE,
    producedMana: [],
    releasedAt: null,
    nonGame: false,
    nonGameReason: null,
    ...fields,
  };
}

const face = (name: string, typeLine: string, oracleText: string) => ({
  name, manaCost: '', typeLine, oracleText, power: null, toughness: null, loyalty: null,
});

const CARDS = [
  card({ name: 'Lightning Bolt', typeLine: 'Instant', manaValue: 1, colors: ['R'], oracleText: 'Lightning Bolt deals 3 damage to any target.' }),
  card({
    name: 'Fire // Ice', typeLine: 'Instant // Instant', manaValue: 4, colors: ['U', 'R'],
    oracleText: 'Fire deals 2 damage divided as you choose among one or two targets.\n//\nTap target permanent.\nDraw a card.',
    faces: [
      face('Fire', 'Instant', 'Fire deals 2 damage divided as you choose among one or two targets.'),
      face('Ice', 'Instant', 'Tap target permanent.\nDraw a card.'),
    ],
  }),
  card({
    name: 'Ragavan, Nimble Pilferer', typeLine: 'Legendary Creature — Monkey Pirate', manaValue: 1, colors: ['R'],
    power: '2', toughness: '1', keywords: ['Dash'],
    oracleText: 'Whenever Ragavan deals combat damage to a player, create a Treasure token.\nDash {1}{R}',
    legalities: { ...LEGAL_EVERYWHERE, modern: 'banned' },
  }),
  card({ name: 'Sol Ring', typeLine: 'Artifact', manaValue: 1, oracleText: '{T}: Add {C}{C}.', legalities: { ...LEGAL_EVERYWHERE, vintage: 'restricted', modern: 'not_legal' } }),
  card({ name: 'Tarmogoyf', typeLine: 'Creature — Lhurgoyf', manaValue: 2, colors: ['G'], power: '*', toughness: '1+*' }),
  card({
    name: 'Teferi, Temporal Archmage', typeLine: 'Legendary Planeswalker — Teferi', manaValue: 6, colors: ['U'], loyalty: '5',
    oracleText: '−10: You get an emblem.\nTeferi, Temporal Archmage can be your commander.',
  }),
  card({ name: 'Niv-Mizzet, Parun', typeLine: 'Legendary Creature — Dragon Wizard', manaValue: 6, colors: ['U', 'R'], power: '5', toughness: '5', keywords: ['Flying'] }),
  card({
    name: 'Sphinx of the Steel Wind', typeLine: 'Artifact Creature — Sphinx', manaValue: 8, colors: ['W', 'U', 'B'], power: '6', toughness: '6',
    keywords: ['Flying', 'First strike', 'Vigilance', 'Lifelink'],
  }),
  card({ name: 'Bloodbraid Elf', typeLine: 'Creature — Elf Berserker', manaValue: 4, colors: ['R', 'G'], power: '3', toughness: '2', keywords: ['Cascade', 'Haste'] }),
  card({ name: 'Command Tower', typeLine: 'Land', oracleText: "{T}: Add one mana of any color in your commander's color identity." }),
  card({ name: 'Birds of Paradise', typeLine: 'Creature — Bird', manaValue: 1, colors: ['G'], power: '0', toughness: '1', keywords: ['Flying'] }),
  card({ name: 'Treasure', typeLine: 'Token Artifact — Treasure', nonGame: true, nonGameReason: 'token', oracleText: '{T}, Sacrifice this token: Add one mana of any color.' }),
];

const names = (query: string) => CARDS.filter((c) => matchesCardQuery(parseCardQuery(query), c)).map((c) => c.name);
const found = (query: string) => searchCards(CARDS, query).cards.map((c) => c.name);

describe('matchesCardQuery', () => {
  it('matches bare words, phrases and whole names against the name', () => {
    expect(names('bolt')).toEqual(['Lightning Bolt']);
    expect(names('"of paradise"')).toEqual(['Birds of Paradise']);
    expect(names('niv mizzet')).toEqual(['Niv-Mizzet, Parun']);
    expect(names('!fire')).toEqual(['Fire // Ice']);
    expect(names('!"lightning"')).toEqual([]);
  });

  it('searches the rules text, with ~ as the card itself (full, face or short name)', () => {
    expect(names('o:"draw a card"')).toEqual(['Fire // Ice']);
    expect(names('o:"~ deals"')).toEqual(['Lightning Bolt', 'Fire // Ice', 'Ragavan, Nimble Pilferer']);
    expect(names('o:"~ can be your commander"')).toEqual(['Teferi, Temporal Archmage']);
    expect(names('o:-10')).toEqual(['Teferi, Temporal Archmage']);
  });

  it('matches types, including partial words', () => {
    expect(names('t:legend t:creature')).toEqual(['Ragavan, Nimble Pilferer', 'Niv-Mizzet, Parun']);
    expect(names('type:sphinx')).toEqual(['Sphinx of the Steel Wind']);
  });

  it('reads c: as "at least these colours" and id: as "within this identity"', () => {
    expect(names('c:rg')).toEqual(['Bloodbraid Elf']);
    expect(names('c:r')).toEqual(['Lightning Bolt', 'Fire // Ice', 'Ragavan, Nimble Pilferer', 'Niv-Mizzet, Parun', 'Bloodbraid Elf']);
    expect(names('id:izzet t:instant')).toEqual(['Lightning Bolt', 'Fire // Ice']);
    expect(names('id<=esper mv>=6')).toEqual(['Teferi, Temporal Archmage', 'Sphinx of the Steel Wind']);
  });

  it('compares colour sets with every operator', () => {
    expect(names('c=ur')).toEqual(['Fire // Ice', 'Niv-Mizzet, Parun']);
    expect(names('c>u')).toEqual(['Fire // Ice', 'Niv-Mizzet, Parun', 'Sphinx of the Steel Wind']);
    // Colourless is a strict subset of every colour set.
    expect(names('c<gruul')).toEqual([
      'Lightning Bolt', 'Ragavan, Nimble Pilferer', 'Sol Ring', 'Tarmogoyf', 'Command Tower', 'Birds of Paradise', 'Treasure',
    ]);
    expect(names('c!=r mv=1')).toEqual(['Sol Ring', 'Birds of Paradise']);
    expect(names('c:m')).toEqual(['Fire // Ice', 'Niv-Mizzet, Parun', 'Sphinx of the Steel Wind', 'Bloodbraid Elf']);
    expect(names('c:c')).toEqual(['Sol Ring', 'Command Tower', 'Treasure']);
    expect(names('c:grixis')).toEqual([]);
  });

  it('compares mana value, power and toughness, reading * as 0', () => {
    expect(names('mv=0 -t:token')).toEqual(['Command Tower']);
    expect(names('cmc>6')).toEqual(['Sphinx of the Steel Wind']);
    expect(names('manavalue<2 t:creature')).toEqual(['Ragavan, Nimble Pilferer', 'Birds of Paradise']);
    expect(names('pow>=5')).toEqual(['Niv-Mizzet, Parun', 'Sphinx of the Steel Wind']);
    expect(names('tou<=1')).toEqual(['Ragavan, Nimble Pilferer', 'Tarmogoyf', 'Birds of Paradise']);
    expect(names('pow>tou')).toEqual(['Ragavan, Nimble Pilferer', 'Bloodbraid Elf']);
    expect(names('pow!=0')).toEqual(['Ragavan, Nimble Pilferer', 'Niv-Mizzet, Parun', 'Sphinx of the Steel Wind', 'Bloodbraid Elf']);
  });

  it('matches keywords by their whole name', () => {
    expect(names('kw:flying')).toEqual(['Niv-Mizzet, Parun', 'Sphinx of the Steel Wind', 'Birds of Paradise']);
    expect(names('keyword:"first strike"')).toEqual(['Sphinx of the Steel Wind']);
    expect(names('kw:first')).toEqual([]);
  });

  it('counts restricted cards as playable in a format and tells banned ones apart', () => {
    expect(names('f:vintage mv=1')).toEqual(['Lightning Bolt', 'Ragavan, Nimble Pilferer', 'Sol Ring', 'Birds of Paradise']);
    expect(names('legal:modern mv=1')).toEqual(['Lightning Bolt', 'Birds of Paradise']);
    expect(names('banned:modern')).toEqual(['Ragavan, Nimble Pilferer']);
  });

  it('finds possible commanders: legendary creatures and cards that say so', () => {
    expect(names('is:commander')).toEqual(['Ragavan, Nimble Pilferer', 'Teferi, Temporal Archmage', 'Niv-Mizzet, Parun']);
  });

  it('combines terms with negation, or, and parentheses', () => {
    expect(names('t:creature -c:g')).toEqual(['Ragavan, Nimble Pilferer', 'Niv-Mizzet, Parun', 'Sphinx of the Steel Wind']);
    expect(names('t:land or t:artifact -t:creature')).toEqual(['Sol Ring', 'Command Tower', 'Treasure']);
    expect(names('(t:land or t:artifact) -t:creature')).toEqual(['Sol Ring', 'Command Tower', 'Treasure']);
    expect(names('-(c:r or c:g) t:creature')).toEqual(['Sphinx of the Steel Wind']);
    expect(names('kw:haste OR kw:dash')).toEqual(['Ragavan, Nimble Pilferer', 'Bloodbraid Elf']);
  });
});

describe('searchCards', () => {
  it('leaves tokens out unless the query asks for them', () => {
    expect(found('t:artifact')).toEqual(['Sol Ring', 'Sphinx of the Steel Wind']);
    expect(found('t:token')).toEqual(['Treasure']);
    expect(found('treasure include:extras')).toEqual(['Treasure']);
    expect(found('-t:token t:artifact')).toEqual(['Sol Ring', 'Sphinx of the Steel Wind']);
  });

  it('sorts by name or by mana value, and pages', () => {
    expect(found('t:creature')).toEqual([
      'Birds of Paradise', 'Bloodbraid Elf', 'Niv-Mizzet, Parun', 'Ragavan, Nimble Pilferer', 'Sphinx of the Steel Wind', 'Tarmogoyf',
    ]);
    const byMv = searchCards(CARDS, 't:creature', { order: 'mv', offset: 1, limit: 3 });
    expect(byMv.total).toBe(6);
    expect(byMv.cards.map((c) => c.name)).toEqual(['Ragavan, Nimble Pilferer', 'Tarmogoyf', 'Bloodbraid Elf']);
  });

  it('returns every game card for an empty query', () => {
    expect(searchCards(CARDS, '').total).toBe(CARDS.length - 1);
  });

  it('lets a syntax error through for the caller to show', () => {
    expect(() => searchCards(CARDS, 'c:purple')).toThrow('"purple" is not a colour');
  });
});
