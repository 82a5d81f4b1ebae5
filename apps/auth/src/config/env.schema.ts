import { z } from 'zod';
import { httpPortEnv, jwtEnv, positiveInt, postgresEnv, redisEnv, runtimeEnv } from '@melvin/shared/config';

export const bcryptCostEnv = {
  /** 12 is about 250 ms on the target box; tests lower it to keep the suite fast. */
  BCRYPT_COST: z.coerce.number().int().min(4, 'must be between 4 and 15').max(15, 'must be between 4 and 15').default(12),
};

export const authEnvSchema = z.object({
  ...runtimeEnv,
  ...httpPortEnv(8101),
  ...redisEnv,
  ...postgresEnv,
  ...jwtEnv,
  ...bcryptCostEnv,
  ACCESS_TOKEN_TTL_SECONDS: positiveInt(900),
  REFRESH_TOKEN_TTL_SECONDS: positiveInt(30 * 24 * 3600),
  RESET_TOKEN_TTL_SECONDS: positiveInt(3600),
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_FAILURE_WINDOW_MS: positiveInt(15 * 60_000),
  LOGIN_LOCK_BASE_MS: positiveInt(60_000),
  LOGIN_LOCK_MAX_MS: positiveInt(60 * 60_000),
  /** Failed logins one client address may make within the window, across all usernames. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt(50),
});
export type AuthConfig = z.infer<typeof authEnvSchema>;
