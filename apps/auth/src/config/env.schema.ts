import { z } from 'zod';
import { httpPortEnv, postgresEnv, redisEnv, runtimeEnv } from '@melvin/shared/config';

export const authEnvSchema = z.object({
  ...runtimeEnv,
  ...httpPortEnv(8101),
  ...redisEnv,
  ...postgresEnv,
});
export type AuthConfig = z.infer<typeof authEnvSchema>;
