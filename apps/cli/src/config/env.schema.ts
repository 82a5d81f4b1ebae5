import { z } from 'zod';
import { postgresEnv, urlWithProtocol } from '@melvin/shared/config';

/** Each command validates only the variables it needs. */
export const migrateEnvSchema = z.object({ ...postgresEnv });

export const healthEnvSchema = z.object({
  MELVIN_URL: urlWithProtocol('http:', 'https:').default('http://localhost:8000'),
});
