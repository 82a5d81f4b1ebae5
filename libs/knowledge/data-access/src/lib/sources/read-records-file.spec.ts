import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CardRecord } from '@melvin/knowledge/domain';
import { readCardsFile, readRulingsFile, type MalformedRecord } from './read-records-file';

const DATA_DIR = resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data');

describe('readCardsFile and readRulingsFile', () => {
  it('reads all 35,153 cards of the real oracle file, none malformed', async () => {
    const oracleIds = new Set<string>();
    let lastIndex = -1;
    const counts = await readCardsFile(join(DATA_DIR, 'scryfall/oracle-cards-20260306.json.gz'), {
      onRecord: (card, index) => {
        oracleIds.add(card.oracleId);
        expect(index).toBe(lastIndex + 1);
        lastIndex = index;
      },
      onMalformed: (problem) => {
        throw new Error(`unexpected malformed card: ${JSON.stringify(problem)}`);
      },
    });
    expect(counts).toEqual({ read: 35_153, accepted: 35_153, malformed: 0 });
    expect(oracleIds.size).toBe(35_153);
  }, 120_000);

  it('reads the 45,047 real rulings, setting aside the one whose text is empty', async () => {
    const malformed: MalformedRecord[] = [];
    const cards = new Set<string>();
    const counts = await readRulingsFile(join(DATA_DIR, 'scryfall/rulings-20220425.json.gz'), {
      onRecord: (ruling) => void cards.add(ruling.oracleId),
      onMalformed: (problem) => malformed.push(problem),
    });
    expect(counts).toEqual({ read: 45_047, accepted: 45_046, malformed: 1 });
    expect(malformed).toEqual([{ index: 17_672, reason: 'comment is empty' }]);
    expect(cards.size).toBe(13_295);
  }, 60_000);

  describe('on a file with bad records among good ones', () => {
    let dir: string;
    let path: string;
    const card = (oracleId: string, name: string) => ({ object: 'card', oracle_id: oracleId, name, layout: 'normal', type_line: 'Creature — Bear', cmc: 2 });

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'melvin-records-'));
      path = join(dir, 'cards.json');
      const items = [
        card('id-1', 'Grizzly Bears'),
        { ...card('id-2', 'Nameless One'), oracle_id: undefined },
        42,
        card('id-3', 'Runeclaw Bear'),
        { ...card('id-4', 'Bad Bear'), cmc: 'two' },
      ];
      await writeFile(path, JSON.stringify(items));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('keeps the good cards, reports each bad one with its position, and counts both', async () => {
      const kept: Array<[string, number]> = [];
      const malformed: MalformedRecord[] = [];
      const counts = await readCardsFile(path, {
        onRecord: async (record: CardRecord, index) => {
          await new Promise((done) => setImmediate(done));
          kept.push([record.name, index]);
        },
        onMalformed: (problem) => malformed.push(problem),
      });
      expect(counts).toEqual({ read: 5, accepted: 2, malformed: 3 });
      expect(kept).toEqual([['Grizzly Bears', 0], ['Runeclaw Bear', 3]]);
      expect(malformed).toEqual([
        { index: 1, reason: 'oracle_id is missing (on the card and on its faces)' },
        { index: 2, reason: 'card must be an object (got number)' },
        { index: 4, reason: 'cmc must be a number (got string)' },
      ]);
    });

    it("stops when onRecord itself fails: that is the caller's fault, not the file's", async () => {
      await expect(
        readCardsFile(path, {
          onRecord: () => {
            throw new Error('database unavailable');
          },
        }),
      ).rejects.toThrow('database unavailable');
    });
  });
});
