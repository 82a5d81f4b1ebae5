import type { DataSourceOptions } from 'typeorm';
import { applyMigrations, postgresDataSourceOptions } from '@melvin/shared/persistence';
import { IngestionRun } from './ingestion-run.entity';
import { KnowledgeRelease } from './knowledge-release.entity';
import { CreateKnowledge1764300000000 } from './migrations/1764300000000-create-knowledge';

export const KNOWLEDGE_ENTITIES = [KnowledgeRelease, IngestionRun];
/** In order; a new migration is appended here. */
export const KNOWLEDGE_MIGRATIONS = [CreateKnowledge1764300000000];

export function knowledgeDataSourceOptions(postgresUrl: string): DataSourceOptions {
  return postgresDataSourceOptions({
    url: postgresUrl,
    entities: KNOWLEDGE_ENTITIES,
    migrations: KNOWLEDGE_MIGRATIONS,
    migrationsTableName: 'knowledge_migrations',
  });
}

/** Applies pending knowledge migrations; returns the names of those it ran. */
export function migrateKnowledge(postgresUrl: string): Promise<string[]> {
  return applyMigrations(knowledgeDataSourceOptions(postgresUrl));
}
