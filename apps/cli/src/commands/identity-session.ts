import { userInfo } from 'node:os';
import { DataSource } from 'typeorm';
import { Accounts, identityDataSourceOptions, PasswordHasher, type AuditContext, type UserAccount } from '@melvin/identity/data-access';
import { IdentityError } from '@melvin/identity/domain';
import { loadConfig } from '@melvin/shared/config';
import { identityEnvSchema } from '../config/env.schema';

export interface IdentityTools {
  accounts: Accounts;
  /** Audited as the operator at the shell, e.g. `cli:root`. */
  operator: AuditContext;
  adminPassword?: string;
  findUser(username: string): Promise<UserAccount>;
}

/** Opens the identity database for one command and closes it afterwards. */
export async function withIdentity<T>(work: (tools: IdentityTools) => Promise<T>): Promise<T> {
  const config = loadConfig('melvin cli', identityEnvSchema);
  const dataSource = await new DataSource(identityDataSourceOptions(config.POSTGRES_URL)).initialize();
  try {
    const accounts = new Accounts(dataSource, new PasswordHasher(config.BCRYPT_COST), { resetTokenTtlMs: config.RESET_TOKEN_TTL_SECONDS * 1000 });
    return await work({
      accounts,
      operator: { actor: `cli:${userInfo().username}`.slice(0, 64), client: { address: 'local', userAgent: 'melvin-cli' } },
      adminPassword: config.MELVIN_ADMIN_PASSWORD,
      async findUser(username) {
        const user = await accounts.findByUsername(username);
        if (!user) throw new IdentityError(404, 'NOT_FOUND', `No user named ${username}`);
        return user;
      },
    });
  } finally {
    await dataSource.destroy();
  }
}
