import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sha256OfFile } from './sha256-of-file';

describe('sha256OfFile', () => {
  it('gives the standard digest of "abc"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'melvin-sha-'));
    try {
      const path = join(dir, 'abc.txt');
      await writeFile(path, 'abc');
      expect(await sha256OfFile(path)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('hashes a real source file as stored, compressed bytes and all', async () => {
    const path = resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data', 'scryfall/rulings-20220425.json.gz');
    const expected = createHash('sha256').update(await readFile(path)).digest('hex');
    expect(await sha256OfFile(path)).toBe(expected);
  });
});
