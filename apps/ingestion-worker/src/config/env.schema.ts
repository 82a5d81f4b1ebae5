import { z } from 'zod';
import { aiEnv, flag, httpPortEnv, positiveInt, postgresEnv, redisEnv, runtimeEnv } from '@melvin/shared/config';

export const ingestionWorkerEnvSchema = z.object({
  ...runtimeEnv,
  ...httpPortEnv(8104),
  ...redisEnv,
  ...postgresEnv,
  QDRANT_URL: aiEnv.QDRANT_URL,
  /** Directory holding the source downloads (CR text, Scryfall bulk files, rulings...). */
  DATA_DIR: z.string().min(1, 'must name the directory of source data'),
  INGESTION_CONCURRENCY: positiveInt(1),
  /** Cron pattern of the knowledge refresh (re-reads the data directory; unchanged files are no-ops); "off" disables it. */
  KNOWLEDGE_REFRESH_CRON: z.string().min(1).default('17 4 * * *'),
  /** Queue an ingestion at start when some kind of knowledge has never been loaded. */
  KNOWLEDGE_INGEST_ON_BOOT: flag(true),
});
export type IngestionWorkerConfig = z.infer<typeof ingestionWorkerEnvSchema>;
