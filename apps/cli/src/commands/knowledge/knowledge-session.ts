import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { knowledgeDataSourceOptions, migrateKnowledge } from '@melvin/knowledge/data-access';
import { loadConfig } from '@melvin/shared/config';
import { knowledgeEnvSchema } from '../../config/env.schema';

export interface KnowledgeSession {
  dataSource: DataSource;
  dataDir: string;
}

/** `npm run` changes directory to the repository; paths typed by the user are relative to where they typed them. */
export function userPath(path: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), path);
}

/** Opens the knowledge store (bringing its schema up to date first) for one command. */
export async function withKnowledgeStore<T>(work: (session: KnowledgeSession) => Promise<T>): Promise<T> {
  const config = loadConfig('melvin cli', knowledgeEnvSchema);
  await migrateKnowledge(config.POSTGRES_URL);
  const dataSource = await new DataSource(knowledgeDataSourceOptions(config.POSTGRES_URL)).initialize();
  try {
    return await work({ dataSource, dataDir: userPath(config.DATA_DIR) });
  } finally {
    await dataSource.destroy();
  }
}
