import { Injectable } from '@nestjs/common';
import { Accounts, AuditTrail, PasswordHasher } from '@melvin/identity/data-access';
import { IdentityError, invalidCredentials } from '@melvin/identity/domain';
import type { AccountStatus, ClientInfo, Session } from '@melvin/shared/contracts';
import { currentCorrelationId } from '@melvin/shared/observability';
import { LoginThrottle } from './login-throttle';
import { SessionIssuer } from './session-issuer';

const REFUSED_STATES: Partial<Record<AccountStatus, { code: string; message: string }>> = {
  pending: { code: 'ACCOUNT_PENDING', message: 'Your account request is waiting for an admin' },
  denied: { code: 'ACCOUNT_DENIED', message: 'Your account request was denied' },
  disabled: { code: 'ACCOUNT_DISABLED', message: 'Your account is disabled' },
};

/**
 * Password login. A wrong password and an unknown username look identical (same error, same
 * bcrypt work); the account's state is only revealed to someone who knows its password.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly accounts: Accounts,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditTrail,
    private readonly sessions: SessionIssuer,
  ) {}

  async login(username: string, password: string, client: ClientInfo): Promise<Session> {
    const failed = (reason: string, detail: Record<string, unknown> = {}) =>
      this.audit.record({ action: 'login.failed', actor: username, target: username, client, correlationId: currentCorrelationId(), detail: { reason, ...detail } });

    if (await this.throttle.addressBlocked(client.address)) {
      await failed('address_rate_limited');
      throw new IdentityError(429, 'TOO_MANY_ATTEMPTS', 'Too many failed sign-ins from your address; try again later');
    }
    const lockedForMs = await this.throttle.lockedForMs(username);
    if (lockedForMs > 0) {
      await failed('locked', { retryAfterSeconds: Math.ceil(lockedForMs / 1000) });
      throw locked(lockedForMs);
    }

    const user = await this.accounts.findByUsername(username);
    const passwordMatches = await this.hasher.verify(password, user?.passwordHash);
    if (!user || !passwordMatches) {
      await failed(user ? 'bad_password' : 'unknown_user');
      const lockMs = await this.throttle.recordFailure(username, client.address);
      if (lockMs) {
        await this.audit.record({ action: 'login.locked_out', actor: username, target: username, client, correlationId: currentCorrelationId(), detail: { lockSeconds: Math.ceil(lockMs / 1000) } });
      }
      throw invalidCredentials();
    }

    const refusal = REFUSED_STATES[user.status];
    if (refusal) {
      await failed(user.status);
      throw new IdentityError(403, refusal.code, refusal.message);
    }
    await this.throttle.recordSuccess(username);
    await this.audit.record({ action: 'login.succeeded', actor: user.username, target: user.username, client, correlationId: currentCorrelationId() });
    return this.sessions.start(user, client);
  }
}

function locked(ms: number): IdentityError {
  return new IdentityError(403, 'ACCOUNT_LOCKED', `Too many failed sign-ins; try again in ${Math.ceil(ms / 1000)} s`);
}
