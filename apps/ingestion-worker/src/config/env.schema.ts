import { z } from 'zod';
import { aiEnv, httpPortEnv, positiveInt, redisEnv, runtimeEnv } from '@melvin/shared/config';

export const ingestionWorkerEnvSchema = z.object({
  ...runtimeEnv,
  ...httpPortEnv(8104),
  ...redisEnv,
  QDRANT_URL: aiEnv.QDRANT_URL,
  /** Directory holding the source downloads (CR text, Scryfall bulk files, rulings...). */
  DATA_DIR: z.string().min(1, 'must name the directory of source data'),
  INGESTION_CONCURRENCY: positiveInt(1),
});
export type IngestionWorkerConfig = z.infer<typeof ingestionWorkerEnvSchema>;
