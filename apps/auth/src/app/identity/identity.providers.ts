import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Accounts, AuditTrail, PasswordHasher, RefreshTokens } from '@melvin/identity/data-access';
import type { AuthConfig } from '../../config/env.schema';
import { AUTH_CONFIG } from './tokens';

/** The identity data-access classes are plain TypeScript (the CLI uses them too); Nest wires them here. */
export const identityProviders: Provider[] = [
  { provide: PasswordHasher, inject: [AUTH_CONFIG], useFactory: (config: AuthConfig) => new PasswordHasher(config.BCRYPT_COST) },
  { provide: AuditTrail, inject: [DataSource], useFactory: (dataSource: DataSource) => new AuditTrail(dataSource) },
  {
    provide: Accounts,
    inject: [DataSource, PasswordHasher, AUTH_CONFIG],
    useFactory: (dataSource: DataSource, hasher: PasswordHasher, config: AuthConfig) =>
      new Accounts(dataSource, hasher, { resetTokenTtlMs: config.RESET_TOKEN_TTL_SECONDS * 1000 }),
  },
  {
    provide: RefreshTokens,
    inject: [DataSource, AUTH_CONFIG],
    useFactory: (dataSource: DataSource, config: AuthConfig) => new RefreshTokens(dataSource, config.REFRESH_TOKEN_TTL_SECONDS * 1000),
  },
];
