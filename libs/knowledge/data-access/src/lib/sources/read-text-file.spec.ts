import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readTextFile } from './read-text-file';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const RULES_WITH_CR = 'Magic: The Gathering Comprehensive Rules\r\rThese rules are effective as of January 16, 2026.\r';

describe('readTextFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'melvin-text-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('drops the byte-order mark and keeps bare CR line ends', async () => {
    const path = join(dir, 'rules.txt');
    await writeFile(path, Buffer.concat([BOM, Buffer.from(RULES_WITH_CR)]));
    expect(await readTextFile(path)).toBe(RULES_WITH_CR);
  });

  it('reads a .txt.gz the same way', async () => {
    const path = join(dir, 'rules.txt.gz');
    await writeFile(path, gzipSync(Buffer.concat([BOM, Buffer.from('Æther — “quoted” 702.19c')])));
    expect(await readTextFile(path)).toBe('Æther — “quoted” 702.19c');
  });

  it('refuses bytes that are not UTF-8, naming the file', async () => {
    const path = join(dir, 'latin1.txt');
    await writeFile(path, Buffer.from('\xC6ther', 'latin1'));
    await expect(readTextFile(path)).rejects.toThrow(`${path} is not UTF-8 text`);
  });

  it('reads the official Comprehensive Rules download without its BOM', async () => {
    const path = resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data', 'cr/MagicCompRules 20260116.txt');
    const text = await readTextFile(path);
    expect(text.startsWith('Magic: The Gathering Comprehensive Rules')).toBe(true);
    expect(text).toContain('\r');
  });
});
