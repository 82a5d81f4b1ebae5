// Full knowledge ingest of the data directory into a scratch PostgreSQL database: wall time and
// peak RSS (targets on the 2-core box: <= 90 s, <= 1 GB). Run by `npm run bench`.
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { findSourceFiles, KnowledgeIngestion, knowledgeDataSourceOptions, migrateKnowledge, type SourceToIngest } from '@melvin/knowledge/data-access';

const dataDir = resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data');
const adminUrl = process.env['MELVIN_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `melvin_bench_ingest_${process.pid}`;

async function withAdmin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  await withAdmin(`CREATE DATABASE "${database}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  try {
    await migrateKnowledge(url.href);
    const dataSource = await new DataSource(knowledgeDataSourceOptions(url.href)).initialize();
    const files = await findSourceFiles(dataDir);
    const sources = (['rules', 'cards', 'rulings'] as const).flatMap((kind): SourceToIngest[] => (files[kind] ? [{ kind, path: files[kind] }] : []));
    const started = performance.now();
    const runs = await new KnowledgeIngestion(dataSource).ingestAll(sources, { trigger: 'bench' });
    const seconds = (performance.now() - started) / 1000;
    await dataSource.destroy();
    console.log('full ingest (lexical path) of', dataDir);
    for (const run of runs) console.log(`  ${run.kind.padEnd(8)} ${run.status} ${JSON.stringify(run.counts)} ${((run.durationMs ?? 0) / 1000).toFixed(1)} s`);
    console.log(`  wall time ${seconds.toFixed(1)} s (target <= 90 s), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target <= 1024 MB)`);
  } finally {
    await withAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
