import { z } from 'zod';
import { positiveInt, postgresEnv, urlWithProtocol } from '@melvin/shared/config';

/** Each command validates only the variables it needs. */
export const migrateEnvSchema = z.object({ ...postgresEnv });

export const healthEnvSchema = z.object({
  MELVIN_URL: urlWithProtocol('http:', 'https:').default('http://localhost:8000'),
});

export const identityEnvSchema = z.object({
  ...postgresEnv,
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  RESET_TOKEN_TTL_SECONDS: positiveInt(3600),
  /** Non-interactive password for `admin create` (otherwise --password-stdin or a prompt). */
  MELVIN_ADMIN_PASSWORD: z.string().optional(),
});

/** Knowledge commands read the same store as the services; DATA_DIR supplies default source files. */
export const knowledgeEnvSchema = z.object({
  ...postgresEnv,
  DATA_DIR: z.string().min(1).default('../shared/data'),
});

/** Reading needs no database: without POSTGRES_URL (or with an empty store) the CLI reads DATA_DIR's files. */
export const knowledgeReadEnvSchema = z.object({
  POSTGRES_URL: postgresEnv.POSTGRES_URL.optional(),
  DATA_DIR: z.string().min(1).default('../shared/data'),
});

/** `melvin ask` reads its knowledge like search does, and Ollama when configured. */
export const answerEnvSchema = z.object({
  OLLAMA_URL: urlWithProtocol('http:', 'https:').optional(),
  OLLAMA_MODEL: z.string().default('llama3.1:8b'),
  ANSWER_TOKEN_BUDGET: positiveInt(1_500),
});
