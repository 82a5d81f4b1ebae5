import { DataSource } from 'typeorm';
import { KnowledgeBase, knowledgeDataSourceOptions, KnowledgeReader, loadCorpusFromFiles, type LoadedCorpus } from '@melvin/knowledge/data-access';
import { loadConfig } from '@melvin/shared/config';
import { knowledgeReadEnvSchema } from '../../config/env.schema';
import { userPath } from './knowledge-session';

/**
 * The knowledge base the services would answer from: the store's active releases when POSTGRES_URL
 * is set and something was ingested, else the newest source files in DATA_DIR (said on stderr).
 */
export async function openKnowledgeBase(): Promise<KnowledgeBase> {
  const config = loadConfig('melvin cli', knowledgeReadEnvSchema);
  const stored = config.POSTGRES_URL ? await loadStoredCorpus(config.POSTGRES_URL) : null;
  if (stored) return KnowledgeBase.build(stored);
  const dataDir = userPath(config.DATA_DIR);
  process.stderr.write(`melvin: ${config.POSTGRES_URL ? 'nothing ingested yet' : 'POSTGRES_URL not set'}; reading source files from ${dataDir}\n`);
  return KnowledgeBase.build(await loadCorpusFromFiles(dataDir));
}

async function loadStoredCorpus(postgresUrl: string): Promise<LoadedCorpus | null> {
  const dataSource = await new DataSource(knowledgeDataSourceOptions(postgresUrl)).initialize();
  try {
    const reader = new KnowledgeReader(dataSource);
    const releases = await reader.releases().catch(() => ({}));
    if (!Object.keys(releases).length) return null;
    return await reader.loadCorpus();
  } finally {
    await dataSource.destroy();
  }
}
