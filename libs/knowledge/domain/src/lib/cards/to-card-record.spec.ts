import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MalformedRecordError } from './malformed-record-error';
import { normalizeCardName } from './normalize-name';
import { toCardRecord } from './to-card-record';

type RawCard = Record<string, unknown> & { name: string; layout: string; card_faces?: Array<Record<string, unknown>> };

const ORACLE_FILE = resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data', 'scryfall/oracle-cards-20260306.json.gz');

/** Each layout of the real file with the faces it shows and whether it is a game card. */
const LAYOUTS: Array<[layout: string, faces: number, nonGameReason: string | null]> = [
  ['normal', 0, null],
  ['split', 2, null],
  ['flip', 2, null],
  ['transform', 2, null],
  ['modal_dfc', 2, null],
  ['adventure', 2, null],
  ['meld', 0, null],
  ['saga', 0, null],
  ['class', 0, null],
  ['case', 0, null],
  ['leveler', 0, null],
  ['mutate', 0, null],
  ['prototype', 0, null],
  ['host', 0, null],
  ['augment', 0, null],
  ['token', 0, 'token'],
  ['double_faced_token', 2, 'double_faced_token'],
  ['emblem', 0, 'emblem'],
  ['art_series', 2, 'art_series'],
  ['planar', 0, 'planar'],
  ['scheme', 0, 'scheme'],
  ['vanguard', 0, 'vanguard'],
];

describe('toCardRecord on the real oracle file', () => {
  let cards: RawCard[];
  const firstOf = (test: (card: RawCard) => boolean): RawCard => {
    const card = cards.find(test);
    if (!card) throw new Error('the oracle file holds no such card');
    return card;
  };

  // Parsing the whole 169 MB file at once is fine in a test; product code streams it (data-access).
  beforeAll(() => {
    cards = JSON.parse(gunzipSync(readFileSync(ORACLE_FILE)).toString('utf8'));
  }, 60_000);

  it('converts every one of the 35,153 cards, and counts the game cards the data README announces', () => {
    const records = cards.map((card) => toCardRecord(card));
    expect(records).toHaveLength(35_153);
    const gameCards = records.filter((record) => !record.nonGame);
    // The README counts 31,779 by layout alone; Melvin also sets aside memorabilia, dungeons, Role tokens and game aids.
    expect(gameCards.length).toBeGreaterThan(31_500);
    expect(gameCards.length).toBeLessThan(31_779);
    expect(gameCards.filter((record) => record.legalities['commander'] === 'legal')).toHaveLength(29_610);
    expect(records.filter((record) => !/^[a-z0-9_]+( [a-z0-9_]+)*$/.test(record.normalizedName))).toEqual([]);
  }, 60_000);

  it.each(LAYOUTS)('reads a %s card with %d faces (non-game reason: %s)', (layout, faceCount, nonGameReason) => {
    const raw = firstOf((card) => card.layout === layout);
    const record = toCardRecord(raw);
    expect(record).toMatchObject({ oracleId: raw['oracle_id'], name: raw.name, layout, nonGameReason, nonGame: nonGameReason !== null });
    expect(record.normalizedName).toBe(normalizeCardName(raw.name));
    expect(record.faces).toHaveLength(faceCount);
    expect(record.faceNames).toEqual((raw.card_faces ?? []).map((face) => normalizeCardName(String(face['name']))));
    expect(record.types.length).toBeGreaterThan(0);
    expect(record.manaValue).toBe(raw['cmc']);
  });

  it('gives the halves of a split card their own names, costs and texts', () => {
    const raw = firstOf((card) => card.layout === 'split');
    const [left, right] = raw.card_faces ?? [];
    const record = toCardRecord(raw);
    expect(record.faceNames).toEqual([normalizeCardName(String(left['name'])), normalizeCardName(String(right['name']))]);
    expect(record.manaCost).toBe(`${left['mana_cost']} // ${right['mana_cost']}`);
    expect(record.oracleText).toBe(`${left['oracle_text']}\n//\n${right['oracle_text']}`);
    expect(record.faces.map((face) => face.oracleText)).toEqual([left['oracle_text'], right['oracle_text']]);
  });

  it('reads an adventure as a permanent with an Adventure spell on it', () => {
    const record = toCardRecord(firstOf((card) => card.layout === 'adventure' && String(card['type_line']).startsWith('Creature')));
    expect(record.types).toEqual(expect.arrayContaining(['Creature']));
    expect(record.subtypes).toContain('Adventure');
    expect(record.faces[1].typeLine).toMatch(/— Adventure$/);
    expect(record.power).not.toBeNull();
  });

  it('joins the mana costs of a double-faced card and takes power and toughness from its front', () => {
    const raw = firstOf((card) => card.layout === 'modal_dfc' && !!card.card_faces?.every((face) => face['mana_cost']));
    const [front, back] = raw.card_faces ?? [];
    const record = toCardRecord(raw);
    expect(record.manaCost).toBe(`${front['mana_cost']} // ${back['mana_cost']}`);
    expect(record.power).toBe(front['power'] ?? null);
    expect(record.colors.length).toBeGreaterThan(0);

    const transformed = toCardRecord(firstOf((card) => card.layout === 'transform' && card.card_faces?.[1]['mana_cost'] === ''));
    expect(transformed.manaCost).not.toContain('//');
    expect(transformed.oracleText.split('\n//\n')).toHaveLength(2);
  });

  it('reads the defense of a battle', () => {
    const record = toCardRecord(firstOf((card) => String(card['type_line']).startsWith('Battle')));
    expect(record.types).toContain('Battle');
    expect(Number(record.defense)).toBeGreaterThan(0);
  });

  it('reads supertypes of real type lines', () => {
    const snowBasic = toCardRecord(firstOf((card) => String(card['type_line']).startsWith('Basic Snow Land — ')));
    expect(snowBasic).toMatchObject({ supertypes: ['Basic', 'Snow'], types: ['Land'] });
    const kindred = toCardRecord(firstOf((card) => String(card['type_line']).startsWith('Kindred Instant — ')));
    expect(kindred.types).toEqual(['Kindred', 'Instant']);
    const legend = toCardRecord(firstOf((card) => /^Legendary Creature — \w+ \w+$/.test(String(card['type_line']))));
    expect(legend.supertypes).toEqual(['Legendary']);
    expect(legend.subtypes).toHaveLength(2);
  });

  it('finds names with diacritics under their plain spelling', () => {
    expect(toCardRecord(firstOf((card) => card.name === 'Barad-dûr')).normalizedName).toBe('barad dur');
    expect(toCardRecord(firstOf((card) => card.name === 'Déjà Vu')).normalizedName).toBe('deja vu');
    expect(toCardRecord(firstOf((card) => card.name === 'Aether Vial')).normalizedName).toBe(normalizeCardName('Æther Vial'));
  });

  it('lists colours in WUBRG order, and a multi-faced card has the colours of its faces', () => {
    const record = toCardRecord(firstOf((card) => card.layout === 'normal' && (card['colors'] as string[]).join('') === 'GR'));
    expect(record.colors).toEqual(['R', 'G']);
    const faced = firstOf((card) => card.layout === 'modal_dfc' && !card['colors']);
    const faceColors = new Set((faced.card_faces ?? []).flatMap((face) => face['colors'] as string[]));
    expect(new Set(toCardRecord(faced).colors)).toEqual(faceColors);
  });

  it('sets aside memorabilia, dungeons and Role tokens printed under ordinary layouts', () => {
    const memorabilia = firstOf((card) => card.layout === 'normal' && card['set_type'] === 'memorabilia');
    expect(toCardRecord(memorabilia).nonGameReason).toBe('memorabilia');
    const dungeon = firstOf((card) => card['type_line'] === 'Dungeon');
    expect(toCardRecord(dungeon).nonGameReason).toBe('dungeon');
    const role = firstOf((card) => card.layout === 'flip' && String(card['type_line']).startsWith('Token'));
    expect(toCardRecord(role).nonGameReason).toBe('token');
  });

  it('keeps Un-set cards, legal nowhere, as game cards', () => {
    const isLegalNowhere = (card: RawCard) => Object.values(card['legalities'] as object).every((status) => status === 'not_legal');
    const unCard = firstOf((card) => card['set_type'] === 'funny' && card.layout === 'normal' && isLegalNowhere(card));
    expect(toCardRecord(unCard)).toMatchObject({ nonGame: false, nonGameReason: null });
  });
});

describe('toCardRecord on objects that are not usable cards', () => {
  const card = { object: 'card', oracle_id: 'b1e3a4f0-0000-4000-8000-000000000001', name: 'Grizzly Bears', layout: 'normal', type_line: 'Creature — Bear', cmc: 2 };

  it.each([
    [{ ...card, oracle_id: undefined }, 'oracle_id is missing'],
    [{ ...card, name: '' }, 'name is empty'],
    [{ ...card, name: undefined }, 'name is missing'],
    [{ ...card, cmc: 'two' }, 'cmc must be a number (got string)'],
    [{ ...card, card_faces: [{ name: 'Bear' }, { mana_cost: '{G}' }] }, 'card_faces[1].name is missing'],
    [{ ...card, object: 'ruling' }, 'object is "ruling", expected "card"'],
    [null, 'card is missing'],
    [[card], 'card must be an object (got array)'],
  ])('refuses %j: %s', (raw, message) => {
    expect(() => toCardRecord(raw)).toThrow(MalformedRecordError);
    expect(() => toCardRecord(raw)).toThrow(message);
  });

  it('reads the least a card can be: an oracle id and a name', () => {
    expect(toCardRecord({ oracle_id: 'x', name: 'Mystery Card' })).toMatchObject({
      name: 'Mystery Card',
      layout: 'normal',
      manaCost: '',
      manaValue: 0,
      types: [],
      faces: [],
      legalities: {},
      nonGame: false,
    });
  });

  it('records a reversible card, whose faces carry the oracle id, as the card on its front', () => {
    const face = { object: 'card_face', oracle_id: 'c0ffee00-0000-4000-8000-000000000002', name: 'Command Tower', mana_cost: '', type_line: 'Land', oracle_text: '{T}: Add one mana of any color in your commander\'s color identity.', colors: [], cmc: 0 };
    const record = toCardRecord({ object: 'card', name: 'Command Tower // Command Tower', layout: 'reversible_card', color_identity: [], card_faces: [face, face] });
    expect(record).toMatchObject({ oracleId: face.oracle_id, name: 'Command Tower', typeLine: 'Land', types: ['Land'], faces: [], faceNames: [], oracleText: face.oracle_text });
    expect(() => toCardRecord({ name: 'Half // Half', layout: 'reversible_card', card_faces: [{ name: 'Half' }, { name: 'Half' }] })).toThrow('oracle_id is missing');
  });
});
