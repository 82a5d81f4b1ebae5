import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MemoryResponseCache } from '../cache/memory-response-cache';
import { ScryfallClient } from '../scryfall-client';
import { ScryfallUnavailableError } from '../scryfall-errors';
import { clientOptions, FakeScryfall } from '../../test/fake-scryfall';
import type { DownloadProgress } from './bulk-download';

const FILE_PATH = '/file/scryfall-bulk/oracle-cards/oracle-cards-20250101100000.json';
const CHUNKS = ['[{"object":"card","name":"Opt"},', '{"object":"card","name":"Shock"},', '{"object":"card","name":"Duress"}]'];
const CONTENT = CHUNKS.join('');

describe('bulk data', () => {
  let scryfall: FakeScryfall;
  let dataDir: string;
  let melvin: ScryfallClient;

  const entry = (type: string) => ({
    object: 'bulk_data',
    id: `id-${type}`,
    type,
    name: 'Oracle Cards',
    updated_at: '2025-01-01T10:00:00.000+00:00',
    download_uri: `${scryfall.url}${FILE_PATH}`,
    size: Buffer.byteLength(CONTENT),
    content_type: 'application/json',
    content_encoding: 'gzip',
  });

  /** Sends the file a chunk at a time, so a test can look at the directory mid-download; can break off before the end. */
  function serveFile(breakAfter = CHUNKS.length) {
    scryfall.answer((request, response) => {
      if (request.path === '/bulk-data') return { body: { object: 'list', has_more: false, data: [entry('oracle_cards'), entry('rulings')] } };
      if (request.path === '/bulk-data/oracle_cards') return { body: entry('oracle_cards') };
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(CONTENT)) });
      const send = (index: number): void => {
        if (index === CHUNKS.length) response.end();
        else if (index === breakAfter) response.destroy();
        else {
          response.write(CHUNKS[index]);
          setTimeout(() => send(index + 1), 30);
        }
      };
      send(0);
      return undefined;
    });
  }

  beforeEach(async () => {
    scryfall = await FakeScryfall.start();
    dataDir = await mkdtemp(join(tmpdir(), 'melvin-scryfall-'));
    melvin = new ScryfallClient(clientOptions(scryfall.url), new MemoryResponseCache());
  });
  afterEach(async () => {
    await scryfall.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("lists today's bulk files and finds one by type", async () => {
    serveFile();
    expect((await melvin.bulkDataList()).map((found) => found.type)).toEqual(['oracle_cards', 'rulings']);
    expect(await melvin.bulkData('oracle_cards')).toMatchObject({ type: 'oracle_cards', download_uri: `${scryfall.url}${FILE_PATH}` });
  });

  it('downloads the file under its dated name, reporting progress, with nothing under that name until it is complete', async () => {
    serveFile();
    const target = join(dataDir, 'oracle-cards-20250101100000.json');
    const progress: DownloadProgress[] = [];
    const seenEarly: boolean[] = [];

    const path = await melvin.downloadBulkFile(await melvin.bulkData('oracle_cards'), dataDir, (step) => {
      progress.push(step);
      seenEarly.push(existsSync(target));
    });

    expect(path).toBe(target);
    expect(await readFile(path, 'utf8')).toBe(CONTENT);
    expect(seenEarly.length).toBeGreaterThan(1);
    expect(seenEarly.every((seen) => !seen)).toBe(true);
    const received = progress.map((step) => step.receivedBytes);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(received.at(-1)).toBe(Buffer.byteLength(CONTENT));
    expect(progress.every((step) => step.totalBytes === Buffer.byteLength(CONTENT))).toBe(true);
    expect(await readdir(dataDir)).toEqual(['oracle-cards-20250101100000.json']);
    expect(scryfall.requestsTo('/file/')[0].headers['user-agent']).toMatch(/^Melvin\/1\.4\.0 /);
  });

  it('writes a gzip-encoded file decoded, measuring progress against the size Scryfall announced', async () => {
    scryfall.answer((request, response) => {
      if (request.path === '/bulk-data/oracle_cards') return { body: entry('oracle_cards') };
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(gzipSync(CONTENT));
      return undefined;
    });
    const progress: DownloadProgress[] = [];
    const path = await melvin.downloadBulkFile(await melvin.bulkData('oracle_cards'), dataDir, (step) => progress.push(step));
    expect(await readFile(path, 'utf8')).toBe(CONTENT);
    expect(progress.at(-1)).toEqual({ receivedBytes: Buffer.byteLength(CONTENT), totalBytes: Buffer.byteLength(CONTENT) });
  });

  it('leaves no file behind when the connection breaks mid-download', async () => {
    serveFile(2);
    const download = melvin.downloadBulkFile(await melvin.bulkData('oracle_cards'), dataDir);
    await expect(download).rejects.toBeInstanceOf(ScryfallUnavailableError);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('keeps the previous copy when a new download fails', async () => {
    serveFile();
    const path = await melvin.downloadBulkFile(await melvin.bulkData('oracle_cards'), dataDir);
    serveFile(1);
    await expect(melvin.downloadBulkFile(await melvin.bulkData('oracle_cards'), dataDir)).rejects.toThrow(/unreachable/);
    expect(await readFile(path, 'utf8')).toBe(CONTENT);
  });
});
