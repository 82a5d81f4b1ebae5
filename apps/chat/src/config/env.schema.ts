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
  /** Which documents get dense vectors when OLLAMA_EMBED_MODEL is set (cards and rulings are many: hours on a CPU). */
  DENSE_KINDS: z
    .string()
    .default('rule,glossary')
    .transform((value) => value.split(',').map((kind) => kind.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['rule', 'glossary', 'card', 'ruling'])).min(1)),
});
export type ChatConfig = z.infer<typeof chatEnvSchema>;
