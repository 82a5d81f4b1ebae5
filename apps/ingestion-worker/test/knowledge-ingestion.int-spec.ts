import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { KnowledgeIngestion, knowledgeDataSourceOptions, KnowledgeReader, migrateKnowledge } from '@melvin/knowledge/data-access';
import { createTestPostgres, dropTestPostgres, testEnvironment } from '@melvin/shared/testing';

const DATA = resolve(testEnvironment().MELVIN_DATA_DIR);
const CR_OLD = join(DATA, 'cr/MagicCompRules 20251114.txt');
const CR_NEW = join(DATA, 'cr/MagicCompRules 20260116.txt');
const COMBO_PIECES = join(DATA, 'scryfall/oracle-cards-combo-pieces.json.gz');
const ORACLE = join(DATA, 'scryfall/oracle-cards-20260306.json.gz');
const RULINGS = join(DATA, 'scryfall/rulings-20220425.json.gz');

describe('knowledge ingestion into real PostgreSQL', () => {
  let dataSource: DataSource;
  let ingestion: KnowledgeIngestion;
  let reader: KnowledgeReader;
  let scratch: string;
  const trigger = 'test';

  beforeAll(async () => {
    const url = await createTestPostgres('knowledge_ingestion');
    await migrateKnowledge(url);
    dataSource = await new DataSource(knowledgeDataSourceOptions(url)).initialize();
    ingestion = new KnowledgeIngestion(dataSource);
    reader = new KnowledgeReader(dataSource);
    scratch = await mkdtemp(join(tmpdir(), 'melvin-ingest-'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropTestPostgres('knowledge_ingestion');
    await rm(scratch, { recursive: true, force: true });
  });

  it('loads a CR edition, then reports what a newer edition added, removed and changed', async () => {
    const first = await ingestion.ingest({ kind: 'rules', path: CR_OLD }, { trigger });
    expect(first).toMatchObject({ status: 'succeeded', edition: '2025-11-14', changes: null });
    expect(first.counts['rules']).toBeGreaterThan(3000);

    const second = await ingestion.ingest({ kind: 'rules', path: CR_NEW }, { trigger });
    expect(second).toMatchObject({ status: 'succeeded', edition: '2026-01-16' });
    expect(second.changes).toMatchObject({ from: '2025-11-14', to: '2026-01-16' });
    expect((second.changes?.['added'] as number) + (second.changes?.['changed'] as number)).toBeGreaterThan(0);

    const corpus = await reader.loadCorpus();
    expect(corpus.rules.effectiveDate).toBe('2026-01-16');
    expect(corpus.rules.rules).toHaveLength(second.counts['rules']);
    expect(corpus.rules.rules.find((rule) => rule.number === '702.19c')?.parent).toBe('702.19');
  });

  it('treats the same file again as a no-op', async () => {
    const before = await reader.version();
    const again = await ingestion.ingest({ kind: 'rules', path: CR_NEW }, { trigger });
    expect(again.status).toBe('unchanged');
    expect(await reader.version()).toBe(before);
  });

  it('skips malformed records, counts them and says where they were', async () => {
    const cards = JSON.parse(gunzipSync(readFileSync(COMBO_PIECES)).toString('utf8')) as Array<Record<string, unknown>>;
    const sample = cards.slice(0, 20);
    const { oracle_id: _dropped, ...withoutOracleId } = sample[3];
    const file = join(scratch, 'oracle-cards-malformed.json');
    await writeFile(file, JSON.stringify([...sample.slice(0, 3), withoutOracleId, 42, ...sample.slice(4)]));

    const run = await ingestion.ingest({ kind: 'cards', path: file }, { trigger });
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ read: 21, accepted: 19, malformed: 2 });
    expect(run.warnings.join('\n')).toMatch(/record 3/);
    expect(run.warnings.join('\n')).toMatch(/record 4/);
    expect((await reader.loadCorpus()).cards).toHaveLength(19);
  });

  it('keeps the previous cards serving when a file breaks half way', async () => {
    const good = await ingestion.ingest({ kind: 'cards', path: COMBO_PIECES }, { trigger });
    expect(good).toMatchObject({ status: 'succeeded', counts: { accepted: 1415 } });
    const versionBefore = await reader.version();

    const whole = gunzipSync(readFileSync(COMBO_PIECES));
    const broken = join(scratch, 'oracle-cards-broken.json.gz');
    await writeFile(broken, gzipSync(whole.subarray(0, Math.floor(whole.length * 0.6))));
    const failed = await ingestion.ingest({ kind: 'cards', path: broken }, { trigger });

    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/oracle-cards-broken/);
    expect(await reader.version()).toBe(versionBefore);
    expect((await reader.loadCorpus()).cards).toHaveLength(1415);
    const leftovers = await dataSource.query(
      `SELECT count(*)::int AS n FROM knowledge_cards c JOIN knowledge_releases r ON r.id = c.release_id WHERE r.status = 'failed'`,
    );
    expect(leftovers[0].n).toBe(0);
  });

  it('loads the full Scryfall oracle file and the rulings, linked by oracle id, and records every run', async () => {
    const progress: number[] = [];
    const [cards, rulings] = await ingestion.ingestAll(
      [
        { kind: 'cards', path: ORACLE },
        { kind: 'rulings', path: RULINGS },
      ],
      { trigger, onProgress: (_source, fraction) => progress.push(fraction) },
    );
    expect(cards).toMatchObject({ status: 'succeeded', edition: '2026-03-06', counts: { read: 35153, accepted: 35153, malformed: 0 } });
    expect(rulings).toMatchObject({ status: 'succeeded', counts: { read: 45047, accepted: 45046, malformed: 1 } });
    expect(rulings.warnings.join('\n')).toMatch(/record 17672/);
    expect(progress.some((fraction) => fraction > 0 && fraction < 1)).toBe(true);

    const corpus = await reader.loadCorpus();
    const oracleIds = new Set(corpus.cards.map((card) => card.oracleId));
    const linked = corpus.rulings.filter((ruling) => oracleIds.has(ruling.oracleId)).length;
    expect(linked / corpus.rulings.length).toBeGreaterThan(0.95);

    const history = await ingestion.history({ limit: 50 });
    expect(history.map((run) => run.status)).toEqual(['succeeded', 'succeeded', 'failed', 'succeeded', 'succeeded', 'unchanged', 'succeeded', 'succeeded']);
  }, 240_000);
});
