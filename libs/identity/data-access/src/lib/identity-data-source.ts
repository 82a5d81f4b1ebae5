import type { DataSourceOptions } from 'typeorm';
import { applyMigrations, postgresDataSourceOptions } from '@melvin/shared/persistence';
import { AuditEvent } from './audit-event.entity';
import { CreateAuditEvents1764100000000 } from './migrations/1764100000000-create-audit-events';
import { CreateAccounts1764200000000 } from './migrations/1764200000000-create-accounts';
import { PasswordResetToken } from './password-reset-token.entity';
import { RefreshToken } from './refresh-token.entity';
import { UserAccount } from './user-account.entity';

export const IDENTITY_ENTITIES = [AuditEvent, UserAccount, RefreshToken, PasswordResetToken];
/** In order; a new migration is appended here. */
export const IDENTITY_MIGRATIONS = [CreateAuditEvents1764100000000, CreateAccounts1764200000000];

export function identityDataSourceOptions(postgresUrl: string): DataSourceOptions {
  return postgresDataSourceOptions({
    url: postgresUrl,
    entities: IDENTITY_ENTITIES,
    migrations: IDENTITY_MIGRATIONS,
    migrationsTableName: 'identity_migrations',
  });
}

/** Applies pending identity migrations; returns the names of those it ran. */
export function migrateIdentity(postgresUrl: string): Promise<string[]> {
  return applyMigrations(identityDataSourceOptions(postgresUrl));
}
