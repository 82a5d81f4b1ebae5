import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { AccountStatus, PasswordResetIssued, Role, UserView } from '@melvin/shared/contracts';
import {
  assertAcceptablePassword,
  assertValidUsername,
  IdentityError,
  invalidCredentials,
  normalizeUsername,
  notFound,
} from '@melvin/identity/domain';
import { AuditTrail, type AuditContext } from './audit-trail';
import type { PasswordHasher } from './password-hasher';
import { PasswordResetToken } from './password-reset-token.entity';
import { RefreshToken } from './refresh-token.entity';
import { hashSecret, newSecret, secretMatches, splitToken, temporaryPassword } from './secrets';
import { UserAccount } from './user-account.entity';

export function toUserView(user: UserAccount): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    status: user.status,
    note: user.note,
    decisionReason: user.decisionReason,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
    decidedAt: user.decidedAt?.toISOString() ?? null,
  };
}

export interface AccountsOptions {
  resetTokenTtlMs: number;
}

const conflict = (code: string, message: string) => new IdentityError(409, code, message);

/**
 * The account lifecycle: request → approve/deny, roles, disable/enable, password changes and
 * resets. Every change is written with its audit row in one transaction. Used by the auth
 * service and by the operator CLI alike.
 */
export class Accounts {
  private readonly audit: AuditTrail;

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly options: AccountsOptions,
  ) {
    this.audit = new AuditTrail(dataSource);
  }

  findByUsername(username: string): Promise<UserAccount | null> {
    return this.dataSource.getRepository(UserAccount).findOneBy({ usernameNormalized: normalizeUsername(username) });
  }

  async get(id: string): Promise<UserAccount> {
    const user = await this.dataSource.getRepository(UserAccount).findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  async request(input: { username: string; password: string; note?: string }, context: Omit<AuditContext, 'actor'>): Promise<UserAccount> {
    return this.create({ ...input, role: 'user', status: 'pending' }, { ...context, actor: input.username }, 'account.requested');
  }

  /** Only the operator CLI calls this: there is no API path to an admin account. */
  async createAdmin(input: { username: string; password: string }, context: AuditContext): Promise<UserAccount> {
    return this.create({ ...input, role: 'admin', status: 'active' }, context, 'account.created');
  }

  listPending(): Promise<UserAccount[]> {
    return this.dataSource.getRepository(UserAccount).find({ where: { status: 'pending' }, order: { createdAt: 'ASC' } });
  }

  async search(q: string | undefined): Promise<UserAccount[]> {
    const builder = this.dataSource.getRepository(UserAccount).createQueryBuilder('user').orderBy('user.usernameNormalized', 'ASC').take(200);
    if (q) {
      // The search term is data, never SQL; LIKE wildcards in it are matched literally.
      const escaped = normalizeUsername(q).replace(/[\\%_]/g, (char) => `\\${char}`);
      builder.where('user.usernameNormalized LIKE :pattern', { pattern: `%${escaped}%` });
    }
    return builder.getMany();
  }

  async decide(requestId: string, decision: 'approve' | 'deny', reason: string | undefined, context: AuditContext): Promise<UserAccount> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, requestId);
      if (user.status !== 'pending') throw conflict('NOT_PENDING', `This request was already decided (${user.status})`);
      user.status = decision === 'approve' ? 'active' : 'denied';
      user.decisionReason = reason ?? null;
      user.decidedBy = context.actor;
      user.decidedAt = new Date();
      await manager.save(user);
      await this.audit.record(
        { ...context, action: decision === 'approve' ? 'account.approved' : 'account.denied', target: user.username, detail: reason ? { reason } : {} },
        manager,
      );
      return user;
    });
  }

  /** Role and enabled state; the last active admin can be neither demoted nor disabled. */
  async update(userId: string, change: { role?: Role; disabled?: boolean }, context: AuditContext): Promise<UserAccount> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, userId);
      const demoting = change.role === 'user' && user.role === 'admin';
      const disabling = change.disabled === true && user.status === 'active';
      if ((demoting || disabling) && user.role === 'admin' && user.status === 'active') await this.assertNotLastAdmin(manager, user.id);
      if (change.disabled !== undefined && !['active', 'disabled'].includes(user.status)) {
        throw conflict('NOT_DECIDED', `A ${user.status} account cannot be ${change.disabled ? 'disabled' : 'enabled'}; decide its request first`);
      }
      if (change.role && change.role !== user.role) {
        await this.audit.record({ ...context, action: 'account.role_changed', target: user.username, detail: { from: user.role, to: change.role } }, manager);
        user.role = change.role;
        user.sessionVersion += 1; // tokens carry the role: make holders log in again
      }
      if (change.disabled !== undefined) {
        const status: AccountStatus = change.disabled ? 'disabled' : 'active';
        if (status !== user.status) {
          user.status = status;
          await this.audit.record({ ...context, action: change.disabled ? 'account.disabled' : 'account.enabled', target: user.username }, manager);
          if (change.disabled) await this.endSessions(manager, user);
        }
      }
      return manager.save(user);
    });
  }

  async revokeSessions(userId: string, context: AuditContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, userId);
      await this.endSessions(manager, user);
      await manager.save(user);
      await this.audit.record({ ...context, action: 'sessions.revoked', target: user.username }, manager);
    });
  }

  async issuePasswordReset(userId: string, method: 'token' | 'temporary-password', context: AuditContext): Promise<PasswordResetIssued> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, userId);
      await this.audit.record({ ...context, action: 'password.reset_issued', target: user.username, detail: { method } }, manager);
      if (method === 'temporary-password') {
        const password = temporaryPassword();
        user.passwordHash = await this.hasher.hash(password);
        user.mustChangePassword = true;
        await this.endSessions(manager, user);
        await manager.save(user);
        return { method, temporaryPassword: password, expiresAt: null };
      }
      const row = manager.create(PasswordResetToken, {
        userId: user.id,
        secretHash: '',
        expiresAt: new Date(Date.now() + this.options.resetTokenTtlMs),
        createdBy: context.actor,
      });
      const secret = newSecret();
      row.secretHash = hashSecret(secret);
      const saved = await manager.save(row);
      return { method, resetToken: `${saved.id}.${secret}`, expiresAt: saved.expiresAt.toISOString() };
    });
  }

  async completePasswordReset(token: string, newPassword: string, context: Omit<AuditContext, 'actor'>): Promise<UserAccount> {
    const invalid = new IdentityError(400, 'RESET_TOKEN_INVALID', 'This reset link is invalid, expired or already used');
    const parts = splitToken(token);
    if (!parts) throw invalid;
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(PasswordResetToken, { where: { id: parts.id }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.usedAt || row.expiresAt.getTime() < Date.now() || !secretMatches(parts.secret, row.secretHash)) throw invalid;
      const user = await this.lockUser(manager, row.userId);
      assertAcceptablePassword(newPassword, user.username);
      row.usedAt = new Date();
      await manager.save(row);
      await this.setPassword(manager, user, newPassword);
      await this.audit.record({ ...context, actor: user.username, action: 'password.reset_completed', target: user.username }, manager);
      return user;
    });
  }

  /** The holder changes their own password; every session ends (the caller gets a fresh one). */
  async changePassword(userId: string, currentPassword: string, newPassword: string, context: Omit<AuditContext, 'actor'>): Promise<UserAccount> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, userId);
      if (!(await this.hasher.verify(currentPassword, user.passwordHash))) throw invalidCredentials();
      if (currentPassword === newPassword) throw new IdentityError(400, 'PASSWORD_UNCHANGED', 'The new password must differ from the current one');
      assertAcceptablePassword(newPassword, user.username);
      await this.setPassword(manager, user, newPassword);
      await this.audit.record({ ...context, actor: user.username, action: 'password.changed', target: user.username }, manager);
      return user;
    });
  }

  private async create(
    input: { username: string; password: string; note?: string; role: Role; status: AccountStatus },
    context: AuditContext,
    action: 'account.requested' | 'account.created',
  ): Promise<UserAccount> {
    assertValidUsername(input.username);
    assertAcceptablePassword(input.password, input.username);
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      const taken = await manager.existsBy(UserAccount, { usernameNormalized: normalizeUsername(input.username) });
      if (taken) throw conflict('USERNAME_TAKEN', 'That username is taken');
      const user = await manager.save(
        manager.create(UserAccount, {
          username: input.username,
          usernameNormalized: normalizeUsername(input.username),
          passwordHash,
          role: input.role,
          status: input.status,
          note: input.note?.trim() || null,
        }),
      );
      await this.audit.record({ ...context, action, target: user.username, detail: { role: input.role } }, manager);
      return user;
    }).catch((error: unknown) => {
      // Two requests for one name at once: the unique index decides, the loser gets the same 409.
      if ((error as { code?: string }).code === '23505') throw conflict('USERNAME_TAKEN', 'That username is taken');
      throw error;
    });
  }

  private async setPassword(manager: EntityManager, user: UserAccount, password: string): Promise<void> {
    user.passwordHash = await this.hasher.hash(password);
    user.mustChangePassword = false;
    await this.endSessions(manager, user);
    await manager.save(user);
  }

  private async endSessions(manager: EntityManager, user: UserAccount): Promise<void> {
    user.sessionVersion += 1;
    await manager.update(RefreshToken, { userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async lockUser(manager: EntityManager, id: string): Promise<UserAccount> {
    const user = await manager.findOne(UserAccount, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw notFound('User');
    return user;
  }

  private async assertNotLastAdmin(manager: EntityManager, exceptId: string): Promise<void> {
    // Lock every active admin row so two admins demoting each other cannot both succeed.
    const admins = await manager.find(UserAccount, { where: { role: 'admin', status: 'active' }, lock: { mode: 'pessimistic_write' } });
    if (!admins.some((admin) => admin.id !== exceptId)) throw conflict('LAST_ADMIN', 'The last active admin cannot be demoted or disabled');
  }
}
