import { z } from 'zod';
import { scryfallEnv } from '@melvin/knowledge/scryfall';
import { aiEnv, httpPortEnv, mongoEnv, positiveInt, postgresEnv, redisEnv, runtimeEnv } from '@melvin/shared/config';

export const chatEnvSchema = z.object({
  ...runtimeEnv,
  ...httpPortEnv(8102),
  ...redisEnv,
  ...postgresEnv,
  ...mongoEnv,
  ...aiEnv,
  ...scryfallEnv,
  /** How often chat asks the store whether a new knowledge release was activated. */
  KNOWLEDGE_RELOAD_INTERVAL_MS: positiveInt(30_000),
  /** How long Ollama keeps the model loaded after an answer, so the first question after a pause does not wait for a reload. */
  OLLAMA_KEEP_ALIVE: z.string().default('30m'),
  /** Answers generated at once, and how many more may wait in line before falling back to extractive answers. */
  OLLAMA_MAX_CONCURRENT: positiveInt(1),
  OLLAMA_MAX_QUEUE: positiveInt(8),
  /** Prompt budget for sources and history, in tokens: a 4-core CPU reads about 50–100 prompt tokens a second. */
  ANSWER_TOKEN_BUDGET: positiveInt(1_500),
  /** Which documents get dense vectors when OLLAMA_EMBED_MODEL is set (cards and rulings are many: hours on a CPU). */
  DENSE_KINDS: z
    .string()
    .default('rule,glossary')
    .transform((value) => value.split(',').map((kind) => kind.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['rule', 'glossary', 'card', 'ruling'])).min(1)),
});
export type ChatConfig = z.infer<typeof chatEnvSchema>;
