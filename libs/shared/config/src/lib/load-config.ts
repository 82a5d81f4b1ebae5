import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type Environment = Record<string, string | undefined>;

/** One problem with one environment variable, phrased for the operator who has to fix it. */
export interface ConfigIssue {
  key: string;
  problem: string;
}

export class ConfigValidationError extends Error {
  constructor(
    readonly service: string,
    readonly issues: ConfigIssue[],
  ) {
    super(
      `Invalid configuration for ${service}: ${issues.length} problem(s)\n` +
        issues.map((issue) => `  - ${issue.key}: ${issue.problem}`).join('\n') +
        '\nSee .env.example for every variable and its format.',
    );
    this.name = 'ConfigValidationError';
  }
}

/**
 * Secrets may be mounted as files (Docker/k8s secrets): `JWT_SECRET_FILE=/run/secrets/jwt`
 * stands in for `JWT_SECRET` when the latter is unset.
 */
function resolveFileVariables(keys: string[], env: Environment): Environment {
  const resolved: Environment = { ...env };
  for (const key of keys) {
    const filePath = env[`${key}_FILE`];
    if (resolved[key] === undefined && filePath) {
      resolved[key] = readFileSync(filePath, 'utf8').trim();
    }
  }
  return resolved;
}

/** Empty strings mean "unset": compose files and shells leave them behind for optional keys. */
function dropEmptyValues(env: Environment): Environment {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}

/**
 * Validates the environment once, at boot. Every bad key is reported together, so an operator
 * fixes the whole file in one pass instead of one restart per mistake.
 */
export function loadConfig<Schema extends z.AnyZodObject>(
  service: string,
  schema: Schema,
  env: Environment = process.env,
): Readonly<z.infer<Schema>> {
  const keys = Object.keys(schema.shape as z.ZodRawShape);
  const input = resolveFileVariables(keys, dropEmptyValues(env));
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      key: issue.path.join('.') || '(environment)',
      problem: issue.message === 'Required' ? 'is required but not set' : issue.message,
    }));
    throw new ConfigValidationError(service, issues);
  }
  return Object.freeze(result.data);
}
