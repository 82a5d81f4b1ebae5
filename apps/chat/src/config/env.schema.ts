import { z } from 'zod';
import { aiEnv, httpPortEnv, mongoEnv, postgresEnv, redisEnv, runtimeEnv } from '@melvin/shared/config';

export const chatEnvSchema = z.object({
  ...runtimeEnv,
  ...httpPortEnv(8102),
  ...redisEnv,
  ...postgresEnv,
  ...mongoEnv,
  ...aiEnv,
});
export type ChatConfig = z.infer<typeof chatEnvSchema>;
