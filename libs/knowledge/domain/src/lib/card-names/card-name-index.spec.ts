import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CardNameIndex, type NamedCard } from './card-name-index';

const dataDir = path.resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data');

interface RawCard {
  oracle_id: string;
  name: string;
  layout: string;
  type_line?: string;
  oracle_text?: string;
  card_faces?: { name: string; oracle_text?: string }[];
}

interface Question {
  id: number;
  title: string;
  question: string;
}

// Layouts that are not cards a deck is built from, as the data README counts gameplay cards.
const NON_GAME_LAYOUTS = new Set(['token', 'double_faced_token', 'emblem', 'art_series', 'scheme', 'planar', 'vanguard']);

function loadCards(): NamedCard[] {
  const file = path.join(dataDir, 'scryfall', 'oracle-cards-20260306.json.gz');
  const raw = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as RawCard[];
  return raw.map((card) => ({
    oracleId: card.oracle_id,
    name: card.name,
    faceNames: (card.card_faces ?? []).map((face) => face.name),
    nonGame: NON_GAME_LAYOUTS.has(card.layout),
    oracleText: card.oracle_text ?? (card.card_faces ?? []).map((face) => face.oracle_text ?? '').join('\n'),
    typeLine: card.type_line,
  }));
}

function loadQuestions(): Question[] {
  const file = path.join(dataDir, 'qa', 'stackexchange-mtg-qa.jsonl.gz');
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Question);
}

describe('CardNameIndex on the real card file', () => {
  let index: CardNameIndex;
  let questions: Question[];

  beforeAll(() => {
    index = new CardNameIndex(loadCards());
    questions = loadQuestions();
  }, 60_000);

  const fuzzyName = (query: string) => index.fuzzy(query).card?.name ?? null;
  const mentionedIn = (text: string) => index.findMentions(text).mentions.map((mention) => mention.name);
  const question = (id: number) => {
    const found = questions.find((q) => q.id === id);
    if (!found) throw new Error(`question ${id} is not in the Q&A file`);
    return `${found.title}\n${found.question}`;
  };

  describe('exact', () => {
    it.each([
      ['Fire // Ice', 'Fire // Ice'],
      ['fire//ice', 'Fire // Ice'],
      ['FIRE', 'Fire // Ice'],
      ['Insectile Aberration', 'Delver of Secrets // Insectile Aberration'],
      ['Æther Vial', 'Aether Vial'],
      ['jace the mind sculptor', 'Jace, the Mind Sculptor'],
      ['Lim-Dul the Necromancer', 'Lim-Dûl the Necromancer'],
    ])('finds %p as %p', (query, name) => {
      expect(index.exact(query)?.name).toBe(name);
    });

    it('prefers the card over a token of the same name', () => {
      expect(index.exact("Ajani's Pridemate")?.nonGame).toBe(false);
    });

    it('still finds a token when no card has its name, and keeps a printed blank apart', () => {
      expect(index.exact('Goblin')).toMatchObject({ name: 'Goblin', nonGame: true });
      expect(index.exact('_____ Goblin')?.name).toBe('_____ Goblin');
    });

    it('does not guess', () => {
      expect(index.exact('lightning bol')).toBeNull();
    });
  });

  describe('fuzzy', () => {
    it.each([
      ['jace mind sculptor', 'Jace, the Mind Sculptor'],
      ['bolas citadel', "Bolas's Citadel"],
      ['the ur drago', 'The Ur-Dragon'],
      ['ur drago', 'Ur-Drago'],
      ['nicol bola', 'Nicol Bolas'],
      ['aust commd', 'Austere Command'],
      ['delver secrets', 'Delver of Secrets // Insectile Aberration'],
      ['urza saga', "Urza's Saga"],
      ['lightningbolt', 'Lightning Bolt'],
      ['fire ball', 'Fireball'],
      ['one ring', 'The One Ring'],
    ])('completes the partial name %p to %p', (query, name) => {
      expect(fuzzyName(query)).toBe(name);
    });

    it.each([
      ['lightnig bolt', 'Lightning Bolt'],
      ['ligthning bolt', 'Lightning Bolt'],
      ['serra angle', 'Serra Angel'],
      ['counterspel', 'Counterspell'],
      ['insectile aberation', 'Delver of Secrets // Insectile Aberration'],
      ['Sword of Fyre and Ice', 'Sword of Fire and Ice'],
    ])('forgives the typo in %p', (query, name) => {
      expect(fuzzyName(query)).toBe(name);
    });

    it('prefers the card to a token of the same name', () => {
      expect(index.fuzzy('ajanis pridemat').card).toMatchObject({ name: "Ajani's Pridemate", nonGame: false });
    });

    it('offers choices instead of guessing when many cards fit equally', () => {
      const { card, candidates } = index.fuzzy('jace');
      expect(card).toBeNull();
      expect(candidates).toHaveLength(10);
      for (const candidate of candidates) {
        expect(candidate.name).toMatch(/jace/i);
        expect(candidate.nonGame).toBe(false);
      }
      expect(candidates[0].name).toMatch(/^Jace/);
    });

    it('does not pick between two cards that both start with the words given', () => {
      expect(index.fuzzy('sword of fire').candidates.map((card) => card.name)).toEqual([
        'Sword of Fire and Ice',
        'Sword of Fire and Ice and War and Peace',
      ]);
    });

    it('answers nothing when no name is close', () => {
      expect(index.fuzzy('xyzzy qwertz')).toEqual({ card: null, candidates: [] });
      expect(index.fuzzy('  ')).toEqual({ card: null, candidates: [] });
    });
  });

  describe('autocomplete', () => {
    it('lists names starting with the text before names with a later word starting with it', () => {
      const names = index.autocomplete('bolt').map((card) => card.name);
      expect(names).toHaveLength(20);
      const firstLater = names.findIndex((name) => !/^bolt/i.test(name));
      expect(firstLater).toBeGreaterThan(0);
      expect(names.slice(firstLater).every((name) => /\bbolt/i.test(name) && !/^bolt/i.test(name))).toBe(true);
      expect(index.autocomplete('bolt', 200).map((card) => card.name)).toContain('Lightning Bolt');
    });

    it('offers game cards only, and reads a trailing space as a finished word', () => {
      const offered = index.autocomplete('fire ', 50);
      expect(offered.map((card) => card.name)).toContain('Fire // Ice');
      expect(offered.every((card) => !card.nonGame && /\bfire(?![a-z])/i.test(card.name))).toBe(true);
    });

    it('honours the limit', () => {
      expect(index.autocomplete('a', 5)).toHaveLength(5);
      expect(index.autocomplete('')).toEqual([]);
    });
  });

  describe('findMentions', () => {
    it('resolves bracketed names exactly, then fuzzily, and reports the ones it cannot settle', () => {
      const text = 'If I [[Fire // Ice]] a creature, then [[lightnig bolt]] it, what does [[jace]] do? [[Xyzzy Qwertz]]';
      const { mentions, ambiguous } = index.findMentions(text);
      expect(mentions).toEqual([
        expect.objectContaining({ name: 'Fire // Ice', how: 'bracket-exact', matched: 'Fire // Ice' }),
        expect.objectContaining({ name: 'Lightning Bolt', how: 'bracket-fuzzy', matched: 'lightnig bolt' }),
      ]);
      expect(text.slice(mentions[1].start, mentions[1].end)).toBe('[[lightnig bolt]]');
      expect(ambiguous.map((entry) => [entry.matched, entry.candidates.length > 0])).toEqual([
        ['jace', true],
        ['Xyzzy Qwertz', false],
      ]);
    });

    it('finds full names written in a real question, longest first', () => {
      // A list of cards, one per line, then three legendary Eldrazi named in full.
      expect(mentionedIn(question(7798))).toEqual([
        'Summoning Trap',
        'Polymorph',
        'Emrakul, the Aeons Torn',
        'Ulamog, the Infinite Gyre',
        'Kozilek, Butcher of Truth',
      ]);
      expect(mentionedIn(question(28055))).toEqual(['Opalescence', 'Humility', 'Opalescence', 'Humility']);
    });

    it('gives where each name stands in the text', () => {
      const text = 'Does Humility stop Platinum Angel?';
      expect(index.findMentions(text).mentions).toEqual([
        { oracleId: expect.any(String), name: 'Humility', matched: 'Humility', how: 'text', start: 5, end: 13 },
        { oracleId: expect.any(String), name: 'Platinum Angel', matched: 'Platinum Angel', how: 'text', start: 19, end: 33 },
      ]);
    });

    it('takes lower-case names only when they are not rules prose', () => {
      expect(mentionedIn('can lightning bolt deal damage to the end of turn?')).toEqual(['Lightning Bolt']);
    });

    it('does not take rules words or sentence openers for card names across the real questions', () => {
      const prose = ['Exile', 'Sacrifice', 'Flash', 'Lifelink', 'Dredge', 'The End', 'Who // What // When // Where // Why'];
      const found = new Set(questions.flatMap((q) => mentionedIn(`${q.title}\n${q.question}`)));
      expect(prose.filter((name) => found.has(name))).toEqual([]);
      expect(found.size).toBeGreaterThan(3000);
    });
  });
});
