import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { httpPortEnv, mongoEnv, positiveInt, postgresEnv, redisEnv, runtimeEnv } from '@melvin/shared/config';

export const loopAnalysisEnvSchema = z.object({
  ...runtimeEnv,
  ...httpPortEnv(8103),
  ...redisEnv,
  ...mongoEnv,
  /** Cards are read from the knowledge store (read-only). */
  ...postgresEnv,
  KNOWLEDGE_RELOAD_INTERVAL_MS: positiveInt(30_000),
  /** Time budget of one synchronous card-set analysis. */
  LOOP_BUDGET_MS: positiveInt(2_000),
  /** Time budget of one deck analysis (all loops of up to three cards, then one card away). */
  DECK_BUDGET_MS: positiveInt(20_000),
  DECK_CONCURRENCY: positiveInt(1),
  /** Worker threads a deck's loop search is spread over; decks take turns on them. */
  DECK_THREADS: positiveInt(availableParallelism()),
  /** How long each deck thread runs the engine over sample pool cards after start, so first decks run at full speed. */
  DECK_WARM_UP_MS: positiveInt(2_000),
});
export type LoopAnalysisConfig = z.infer<typeof loopAnalysisEnvSchema>;
