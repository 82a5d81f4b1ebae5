import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readJsonArrayFile } from './read-json-array-file';
import { SourceFileError } from './source-file-error';

const DATA_DIR = resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data');
const RULINGS_FILE = join(DATA_DIR, 'scryfall/rulings-20220425.json.gz');
const PLAIN_CARDS_FILE = join(DATA_DIR, 'scryfall/all_cards_mrd.json');

describe('readJsonArrayFile', () => {
  let dir: string;
  const tempFile = async (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
  const collect = async (path: string) => {
    const items: unknown[] = [];
    await readJsonArrayFile(path, (value) => void items.push(value));
    return items;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'melvin-sources-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a plain .json file item by item, in order', async () => {
    const indexes: number[] = [];
    const names: string[] = [];
    await readJsonArrayFile(PLAIN_CARDS_FILE, (value, index) => {
      indexes.push(index);
      names.push((value as { name: string }).name);
    });
    expect(indexes).toHaveLength(291);
    expect(indexes).toEqual([...indexes.keys()]);
    expect(names.every((name) => typeof name === 'string' && name.length > 0)).toBe(true);
  });

  it('reads the real .json.gz rulings file and reports progress against its size on disk', async () => {
    const progress: Array<[number, number]> = [];
    let count = 0;
    await readJsonArrayFile(RULINGS_FILE, () => void count++, { onProgress: (read, total) => progress.push([read, total]) });
    const { size } = await stat(RULINGS_FILE);
    expect(count).toBe(45_047);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every(([, total]) => total === size)).toBe(true);
    expect(progress.map(([read]) => read)).toEqual([...progress.map(([read]) => read)].sort((a, b) => a - b));
    expect(progress[progress.length - 1][0]).toBe(size);
  }, 30_000);

  it('waits for an async onItem: one item at a time, and the file is not read far ahead', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    let bytesReadAtItem100 = 0;
    let bytesRead = 0;
    await readJsonArrayFile(
      RULINGS_FILE,
      async (_value, index) => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        if (index === 100) bytesReadAtItem100 = bytesRead;
        if (index < 200) await new Promise((done) => setTimeout(done, 1));
        inFlight--;
      },
      { onProgress: (read) => (bytesRead = read) },
    );
    expect(mostInFlight).toBe(1);
    expect(bytesReadAtItem100).toBeLessThan((await stat(RULINGS_FILE)).size / 4);
  }, 30_000);

  it('finds gzip by its content, whatever the file is called', async () => {
    const path = await tempFile('gzipped-but-named.json', gzipSync('[{"a":1},{"b":2}]'));
    expect(await collect(path)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('passes on an error of onItem as it is', async () => {
    const failure = new Error('the store is down');
    await expect(
      readJsonArrayFile(RULINGS_FILE, () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });

  describe('rejects, naming the file and how far it got, a file that', () => {
    it.each([
      ['is a JSON object', 'object.json', '{"object": "card", "name": "Grizzly Bears"}', /object\.json: is not a JSON array \(after 0 array items/],
      ['ends in the middle of an item', 'cut.json', '[{"a": 1}, {"b": 2}, {"c": ', /cut\.json: the JSON ends early: the file is truncated .*after 2 array items/],
      ['holds something that is not JSON', 'junk.json', '[1, 2, oops]', /junk\.json: is not valid JSON .*after 2 array items/],
      ['is empty', 'empty.json', '', /empty\.json: is empty/],
    ])('%s', async (_case, name, content, message) => {
      const path = await tempFile(name, content);
      await expect(collect(path)).rejects.toThrow(SourceFileError);
      await expect(collect(path)).rejects.toThrow(message);
    });

    it('is a truncated .json.gz', async () => {
      const whole = await readFile(RULINGS_FILE);
      const path = await tempFile('rulings-cut.json.gz', whole.subarray(0, Math.floor(whole.length / 2)));
      const items: unknown[] = [];
      const reading = readJsonArrayFile(path, (value) => void items.push(value));
      await expect(reading).rejects.toThrow(/rulings-cut\.json\.gz: the gzip data ends early: the file is truncated \(after \d+ array items/);
      // What came before the damage was delivered, and nothing was invented after it.
      expect(items.length).toBeGreaterThan(10_000);
      expect(items.length).toBeLessThan(45_047);
    }, 30_000);
  });
});
