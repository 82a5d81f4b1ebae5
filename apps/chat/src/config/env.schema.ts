import { z } from 'zod';
import { aiEnv, httpPortEnv, mongoEnv, positiveInt, postgresEnv, redisEnv, runtimeEnv } from '@melvin/shared/config';

export const chatEnvSchema = z.object({
  ...runtimeEnv,
  ...httpPortEnv(8102),
  ...redisEnv,
  ...postgresEnv,
  ...mongoEnv,
  ...aiEnv,
  /** How often chat asks the store whether a new knowledge release was activated. */
  KNOWLEDGE_RELOAD_INTERVAL_MS: positiveInt(30_000),
});
export type ChatConfig = z.infer<typeof chatEnvSchema>;
