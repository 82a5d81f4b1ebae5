import type { Command } from 'commander';
import { loadConfig } from '@melvin/shared/config';
import { migrateConversations } from '@melvin/conversation/data-access';
import { migrateIdentity } from '@melvin/identity/data-access';
import { migrateKnowledge } from '@melvin/knowledge/data-access';
import { migrateEnvSchema } from '../config/env.schema';

/** Every bounded context that owns PostgreSQL tables, in the order they are migrated. */
const CONTEXT_MIGRATIONS: Array<[string, (postgresUrl: string) => Promise<string[]>]> = [
  ['identity', migrateIdentity],
  ['knowledge', migrateKnowledge],
  ['conversation', migrateConversations],
];

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending PostgreSQL migrations of every service (POSTGRES_URL)')
    .action(async () => {
      const { POSTGRES_URL } = loadConfig('melvin migrate', migrateEnvSchema);
      for (const [context, migrate] of CONTEXT_MIGRATIONS) {
        const applied = await migrate(POSTGRES_URL);
        console.log(applied.length ? `${context}: applied ${applied.join(', ')}` : `${context}: up to date`);
      }
    });
}
