import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigValidationError, loadConfig } from './load-config';
import { port, postgresEnv, redisEnv, runtimeEnv } from './env-fields';

const schema = z.object({ ...runtimeEnv, ...redisEnv, ...postgresEnv, HTTP_PORT: port(3001), JWT_SECRET: z.string().min(32) });

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig('auth', schema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).issues.map((issue) => issue.key);
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  const valid = {
    REDIS_URL: 'redis://127.0.0.1:6379',
    POSTGRES_URL: 'postgres://melvin@127.0.0.1:5432/melvin',
    JWT_SECRET: 'x'.repeat(32),
  };

  it('returns typed values with defaults applied, frozen against later changes', () => {
    const config = loadConfig('auth', schema, { ...valid, HTTP_PORT: '4100' });
    expect(config.HTTP_PORT).toBe(4100);
    expect(config.LOG_LEVEL).toBe('info');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every missing and malformed key in one error', () => {
    const keys = problemsOf({ REDIS_URL: 'http://wrong', HTTP_PORT: 'eighty', JWT_SECRET: 'short' });
    expect(keys.sort()).toEqual(['HTTP_PORT', 'JWT_SECRET', 'POSTGRES_URL', 'REDIS_URL']);
  });

  it('explains the fix in the message', () => {
    expect(() => loadConfig('auth', schema, { ...valid, POSTGRES_URL: '' })).toThrow(
      /POSTGRES_URL: is required but not set/,
    );
    expect(() => loadConfig('auth', schema, { ...valid, REDIS_URL: 'localhost:6379' })).toThrow(
      /REDIS_URL: must be a URL starting with redis:\/\/ or rediss:\/\//,
    );
  });

  it('reads a secret from the file named by KEY_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'melvin-config-'));
    const secretFile = join(dir, 'jwt');
    writeFileSync(secretFile, `${'s'.repeat(40)}\n`);
    const { JWT_SECRET: _omitted, ...withoutSecret } = valid;
    const config = loadConfig('auth', schema, { ...withoutSecret, JWT_SECRET_FILE: secretFile });
    expect(config.JWT_SECRET).toBe('s'.repeat(40));
    // A blank line copied from a template does not hide the file.
    expect(loadConfig('auth', schema, { ...withoutSecret, JWT_SECRET: '', JWT_SECRET_FILE: secretFile }).JWT_SECRET).toBe('s'.repeat(40));
  });
});
