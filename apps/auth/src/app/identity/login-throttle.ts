import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { lockDurationMs, normalizeUsername, type LockoutPolicy } from '@melvin/identity/domain';
import { REDIS_CLIENT } from '@melvin/shared/persistence';
import type { AuthConfig } from '../../config/env.schema';
import { AUTH_CONFIG } from './tokens';

const LOCK_HISTORY_TTL_MS = 24 * 3600_000;

/**
 * Failed-login bookkeeping in Redis, keyed by the normalised username whether or not such an
 * account exists (so a lockout reveals nothing), and by client address.
 */
@Injectable()
export class LoginThrottle {
  private readonly policy: LockoutPolicy;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {
    this.policy = {
      maxFailures: config.LOGIN_MAX_FAILURES,
      windowMs: config.LOGIN_FAILURE_WINDOW_MS,
      baseLockMs: config.LOGIN_LOCK_BASE_MS,
      maxLockMs: config.LOGIN_LOCK_MAX_MS,
    };
  }

  private key(kind: string, subject: string): string {
    return `${this.config.REDIS_KEY_PREFIX}:identity:login:${kind}:${subject}`;
  }

  /** Milliseconds the username stays locked, or 0. */
  async lockedForMs(username: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.key('lock', normalizeUsername(username))));
  }

  async addressBlocked(address: string): Promise<boolean> {
    const failures = Number(await this.redis.get(this.key('address', address)));
    return failures >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS;
  }

  /** Counts a failure; returns the lock duration when this failure locks the username. */
  async recordFailure(username: string, address: string): Promise<number | undefined> {
    const subject = normalizeUsername(username);
    const failures = this.key('failures', subject);
    const [[, count]] = (await this.redis
      .multi()
      .incr(failures)
      .pexpire(failures, this.policy.windowMs, 'NX')
      .incr(this.key('address', address))
      .pexpire(this.key('address', address), this.policy.windowMs, 'NX')
      .exec()) as Array<[Error | null, number]>;
    if (count < this.policy.maxFailures) return undefined;
    const locks = await this.redis.incr(this.key('locks', subject));
    await this.redis.pexpire(this.key('locks', subject), LOCK_HISTORY_TTL_MS);
    const duration = lockDurationMs(this.policy, locks);
    await this.redis.multi().set(this.key('lock', subject), String(locks), 'PX', duration).del(failures).exec();
    return duration;
  }

  async recordSuccess(username: string): Promise<void> {
    const subject = normalizeUsername(username);
    await this.redis.del(this.key('failures', subject), this.key('locks', subject));
  }
}
