import type { DataSourceOptions } from 'typeorm';
import { applyMigrations, postgresDataSourceOptions } from '@melvin/shared/persistence';
import { Conversation } from './conversation.entity';
import { CreateConversations1764400000000 } from './migrations/1764400000000-create-conversations';

export const CONVERSATION_ENTITIES = [Conversation];
/** In order; a new migration is appended here. */
export const CONVERSATION_MIGRATIONS = [CreateConversations1764400000000];
export const CONVERSATION_MIGRATIONS_TABLE = 'conversation_migrations';

export function conversationDataSourceOptions(postgresUrl: string): DataSourceOptions {
  return postgresDataSourceOptions({
    url: postgresUrl,
    entities: CONVERSATION_ENTITIES,
    migrations: CONVERSATION_MIGRATIONS,
    migrationsTableName: CONVERSATION_MIGRATIONS_TABLE,
  });
}

/** Applies pending conversation migrations; returns the names of those it ran. */
export function migrateConversations(postgresUrl: string): Promise<string[]> {
  return applyMigrations(conversationDataSourceOptions(postgresUrl));
}
