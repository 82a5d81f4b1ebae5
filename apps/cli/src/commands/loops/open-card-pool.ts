import { DataSource } from 'typeorm';
import { findSourceFiles, knowledgeDataSourceOptions, KnowledgeReader, readCardsFile } from '@melvin/knowledge/data-access';
import type { CardRecord } from '@melvin/knowledge/domain';
import { CardPool } from '@melvin/loop/domain';
import { loadConfig } from '@melvin/shared/config';
import { knowledgeReadEnvSchema } from '../../config/env.schema';
import { userPath } from '../knowledge/knowledge-session';

async function cardsFromFile(path: string): Promise<CardRecord[]> {
  const cards: CardRecord[] = [];
  await readCardsFile(path, { onRecord: (card) => void cards.push(card) });
  return cards;
}

async function cardsFromStore(postgresUrl: string): Promise<CardRecord[]> {
  const dataSource = await new DataSource(knowledgeDataSourceOptions(postgresUrl)).initialize();
  try {
    return await new KnowledgeReader(dataSource).loadActiveCards().catch(() => []);
  } finally {
    await dataSource.destroy();
  }
}

/** Cards from --oracle when given, else the knowledge store, else the newest oracle file in DATA_DIR. */
export async function openCardPool(oracleFile?: string): Promise<CardPool> {
  if (oracleFile) return new CardPool(await cardsFromFile(userPath(oracleFile)));
  const config = loadConfig('melvin cli', knowledgeReadEnvSchema);
  const stored = config.POSTGRES_URL ? await cardsFromStore(config.POSTGRES_URL) : [];
  if (stored.length) return new CardPool(stored);
  const file = (await findSourceFiles(userPath(config.DATA_DIR))).cards;
  if (!file) throw new Error('no cards: pass --oracle <oracle-cards file>, ingest cards, or set DATA_DIR');
  process.stderr.write(`melvin: reading cards from ${file}\n`);
  return new CardPool(await cardsFromFile(file));
}
