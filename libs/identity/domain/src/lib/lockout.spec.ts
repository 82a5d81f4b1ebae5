import { lockDurationMs } from './lockout';

describe('lockDurationMs', () => {
  const policy = { maxFailures: 5, windowMs: 60_000, baseLockMs: 1_000, maxLockMs: 5_000 };

  it('doubles with each consecutive lock and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => lockDurationMs(policy, n))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });
});
