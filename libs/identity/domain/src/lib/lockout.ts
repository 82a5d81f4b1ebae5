export interface LockoutPolicy {
  /** Failed logins allowed within `windowMs` before the account locks. */
  maxFailures: number;
  windowMs: number;
  /** First lock lasts `baseLockMs`; each further lock doubles it, up to `maxLockMs`. */
  baseLockMs: number;
  maxLockMs: number;
}

/** How long the `lockCount`-th consecutive lock (1-based) lasts: exponential backoff, capped. */
export function lockDurationMs(policy: LockoutPolicy, lockCount: number): number {
  return Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** Math.max(0, lockCount - 1));
}
