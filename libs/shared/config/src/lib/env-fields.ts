import { z } from 'zod';

const LOG_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const;

/** A URL whose scheme is one of `protocols`, e.g. `postgres:` for PostgreSQL. */
export function urlWithProtocol(...protocols: string[]) {
  return z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );
}

export const port = (fallback: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

export const positiveInt = (fallback: number) =>
  z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').positive('must be positive').default(fallback);

/** "true"/"1"/"yes" or "false"/"0"/"no": env vars are strings, and `z.coerce.boolean` would read "false" as true. */
export const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every service reads these. */
export const runtimeEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Set by the image build; reported in readiness answers so operators see what runs. */
  MELVIN_VERSION: z.string().default('dev'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  /** Address the HTTP server binds to; services without public HTTP still serve health and metrics here. */
  HTTP_HOST: z.string().default('0.0.0.0'),
  SHUTDOWN_TIMEOUT_MS: positiveInt(15_000),
};

/** The HTTP port a service listens on: the API for the gateway, health and metrics for the rest. */
export const httpPortEnv = (fallback: number) => ({ HTTP_PORT: port(fallback) });

export const redisEnv = {
  REDIS_URL: urlWithProtocol('redis:', 'rediss:'),
  /** Prefix for every BullMQ key, so several Melvin installs (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_:-]+$/, 'letters, digits, _ : - only').default('melvin'),
  /** How long a caller waits for another service to answer over Redis. */
  RPC_TIMEOUT_MS: positiveInt(5_000),
};

export const postgresEnv = {
  POSTGRES_URL: urlWithProtocol('postgres:', 'postgresql:'),
};

export const mongoEnv = {
  MONGO_URL: urlWithProtocol('mongodb:', 'mongodb+srv:'),
};

/** Optional AI back ends: without them Melvin uses its lexical retrieval and extractive answers. */
export const aiEnv = {
  QDRANT_URL: urlWithProtocol('http:', 'https:').optional(),
  QDRANT_API_KEY: z.string().optional(),
  OLLAMA_URL: urlWithProtocol('http:', 'https:').optional(),
  OLLAMA_MODEL: z.string().default('llama3.1:8b'),
  /** Embedding model for dense retrieval (e.g. nomic-embed-text); without it search stays lexical. */
  OLLAMA_EMBED_MODEL: z.string().optional(),
};

/** Signing secret for access tokens: auth signs with it, the gateway verifies with it. */
export const jwtEnv = {
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)'),
};
