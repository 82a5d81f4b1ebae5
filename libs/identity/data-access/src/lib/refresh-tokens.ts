import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import type { ClientInfo } from '@melvin/shared/contracts';
import { IdentityError } from '@melvin/identity/domain';
import { AuditTrail } from './audit-trail';
import { RefreshToken } from './refresh-token.entity';
import { hashSecret, newSecret, secretMatches, splitToken } from './secrets';
import { UserAccount } from './user-account.entity';

const refused = (code: string, message: string) => new IdentityError(401, code, message);

/**
 * Refresh tokens: issued at login, rotated on every use, revocable. Presenting a token that
 * was already rotated means it leaked: the whole family (that login's chain) is revoked.
 */
export class RefreshTokens {
  private readonly audit: AuditTrail;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs: number,
  ) {
    this.audit = new AuditTrail(dataSource);
  }

  async issue(userId: string, client: ClientInfo, familyId: string = randomUUID()): Promise<string> {
    const secret = newSecret();
    const row = await this.dataSource.getRepository(RefreshToken).save({
      userId,
      familyId,
      secretHash: hashSecret(secret),
      expiresAt: new Date(Date.now() + this.ttlMs),
      revokedAt: null,
      replacedBy: null,
      clientAddress: client.address,
      userAgent: client.userAgent,
    });
    return `${row.id}.${secret}`;
  }

  /** Exchanges a valid token for a new one in the same family; returns the account it belongs to. */
  async rotate(token: string, client: ClientInfo, correlationId?: string): Promise<{ user: UserAccount; refreshToken: string }> {
    const invalid = refused('REFRESH_TOKEN_INVALID', 'Sign in again');
    const parts = splitToken(token);
    if (!parts) throw invalid;
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(RefreshToken, { where: { id: parts.id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !secretMatches(parts.secret, row.secretHash)) throw invalid;
      const user = await manager.findOneByOrFail(UserAccount, { id: row.userId });
      if (row.revokedAt) {
        if (!row.replacedBy) throw invalid; // revoked by logout or an admin: nothing suspicious
        await manager.update(RefreshToken, { familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        await this.audit.record(
          { action: 'session.refresh_reuse', actor: user.username, target: user.username, client, correlationId, detail: { familyId: row.familyId } },
          manager,
        );
        return { reused: true as const };
      }
      if (row.expiresAt.getTime() <= Date.now()) throw refused('REFRESH_TOKEN_EXPIRED', 'Your session expired; sign in again');
      if (user.status !== 'active') throw invalid;
      const next = newSecret();
      const replacement = await manager.save(
        manager.create(RefreshToken, {
          userId: user.id,
          familyId: row.familyId,
          secretHash: hashSecret(next),
          expiresAt: new Date(Date.now() + this.ttlMs),
          clientAddress: client.address,
          userAgent: client.userAgent,
        }),
      );
      row.revokedAt = new Date();
      row.replacedBy = replacement.id;
      await manager.save(row);
      return { reused: false as const, user, refreshToken: `${replacement.id}.${next}` };
    });
    // Thrown outside the transaction so the family revocation above is committed.
    if (outcome.reused) throw refused('REFRESH_TOKEN_REUSED', 'This sign-in was used twice; every session from it has been ended');
    return { user: outcome.user, refreshToken: outcome.refreshToken };
  }

  /** Logout: ends the family the token belongs to. Unknown tokens are ignored (idempotent). */
  async revoke(token: string): Promise<UserAccount | undefined> {
    const parts = splitToken(token);
    if (!parts) return undefined;
    const row = await this.dataSource.getRepository(RefreshToken).findOneBy({ id: parts.id });
    if (!row || !secretMatches(parts.secret, row.secretHash)) return undefined;
    await this.dataSource.getRepository(RefreshToken).update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (await this.dataSource.getRepository(UserAccount).findOneBy({ id: row.userId })) ?? undefined;
  }
}
