import { z } from 'zod';
import { loadConfig, urlWithProtocol } from '@melvin/shared/config';

/**
 * What `./scripts/melvin.sh test` provides: real servers and a run id. Each suite derives its
 * own uniquely named database / key prefix from the run id and removes it afterwards.
 */
const testEnvSchema = z.object({
  MELVIN_TEST_RUN_ID: z.string().regex(/^[a-z0-9_]+$/i).default(`local_${process.pid}`),
  MELVIN_TEST_POSTGRES_URL: urlWithProtocol('postgres:', 'postgresql:').default('postgres://postgres@127.0.0.1:5432/postgres'),
  MELVIN_TEST_REDIS_URL: urlWithProtocol('redis:').default('redis://127.0.0.1:6379'),
  MELVIN_TEST_MONGO_URL: urlWithProtocol('mongodb:').default('mongodb://127.0.0.1:27027'),
  MELVIN_FERRETDB_BIN: z.string().default('/var/tmp/melvin-tools/ferretdb-v1.24.2/ferretdb'),
  MELVIN_DATA_DIR: z.string().default('../shared/data'),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Live Qdrant / Ollama servers, when a machine has them; their tests are skipped otherwise. */
  QDRANT_URL: urlWithProtocol('http:', 'https:').optional(),
  OLLAMA_URL: urlWithProtocol('http:', 'https:').optional(),
});
export type TestEnvironment = z.infer<typeof testEnvSchema>;

export function testEnvironment(): TestEnvironment {
  return loadConfig('tests', testEnvSchema);
}

/** `melvin_test_<run>_<suffix>`: names every database and key prefix a test run creates. */
export function testResourceName(suffix: string): string {
  return `melvin_test_${testEnvironment().MELVIN_TEST_RUN_ID}_${suffix}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}
