import { z } from 'zod';
import { httpPortEnv, jwtEnv, positiveInt, redisEnv, runtimeEnv } from '@melvin/shared/config';

const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(z.string().url('each origin must be a URL such as https://melvin.example.org')));

export const gatewayEnvSchema = z.object({
  ...runtimeEnv,
  ...httpPortEnv(8000),
  ...redisEnv,
  /** Comma-separated origins allowed to call the API from a browser; empty allows same-origin only. */
  CORS_ORIGINS: originList.default(''),
  RATE_LIMIT_TTL_MS: positiveInt(60_000),
  RATE_LIMIT_MAX: positiveInt(120),
  /** Stricter limit per client address for sign-in and account requests. */
  AUTH_RATE_LIMIT_MAX: positiveInt(10),
  ...jwtEnv,
  /** Built Vite bundles of the web app and the admin console. */
  WEB_DIST_DIR: z.string().default('dist/apps/web'),
  ADMIN_DIST_DIR: z.string().default('dist/apps/admin'),
  JOB_ATTEMPTS: positiveInt(3),
  JOB_BACKOFF_MS: positiveInt(5_000),
  /** Longest wait for one answer: a small CPU can take minutes to generate a long one. */
  ANSWER_TIMEOUT_MS: positiveInt(300_000),
});
export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;
