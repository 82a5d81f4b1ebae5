import { z } from 'zod';
import { ConfigValidationError, loadConfig } from '@melvin/shared/config';
import { scryfallClientOptions } from './scryfall-client';
import { scryfallEnv } from './scryfall-env';

const schema = z.object({ ...scryfallEnv });
const contact = { SCRYFALL_CONTACT: 'ops@melvin.example.org' };

function problems(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig('ingestion-worker', schema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return Object.fromEntries((error as ConfigValidationError).issues.map((issue) => [issue.key, issue.problem]));
  }
  throw new Error('expected the configuration to be rejected');
}

describe('scryfallEnv', () => {
  it("defaults to Scryfall's address, its published limits and a day of caching", () => {
    expect(loadConfig('ingestion-worker', schema, contact)).toEqual({
      SCRYFALL_API_URL: 'https://api.scryfall.com',
      SCRYFALL_CONTACT: 'ops@melvin.example.org',
      SCRYFALL_SEARCH_RPS: 2,
      SCRYFALL_OTHER_RPS: 10,
      SCRYFALL_BACKOFF_MS: 30_000,
      SCRYFALL_CACHE_TTL_S: 86_400,
      SCRYFALL_NOT_FOUND_TTL_S: 3_600,
      SCRYFALL_TIMEOUT_MS: 10_000,
      SCRYFALL_OFFLINE: false,
    });
  });

  it('refuses a 429 pause under 30 s and a cache shorter than a day, saying why', () => {
    const found = problems({ ...contact, SCRYFALL_BACKOFF_MS: '1000', SCRYFALL_CACHE_TTL_S: '60' });
    expect(found['SCRYFALL_BACKOFF_MS']).toMatch(/at least 30000.*30 s after a 429/);
    expect(found['SCRYFALL_CACHE_TTL_S']).toMatch(/at least 86400.*24 hours/);
  });

  it("accepts slower rates but none above Scryfall's limits", () => {
    expect(loadConfig('ingestion-worker', schema, { ...contact, SCRYFALL_SEARCH_RPS: '0.5' }).SCRYFALL_SEARCH_RPS).toBe(0.5);
    expect(Object.keys(problems({ ...contact, SCRYFALL_SEARCH_RPS: '5', SCRYFALL_OTHER_RPS: '20' })).sort()).toEqual([
      'SCRYFALL_OTHER_RPS',
      'SCRYFALL_SEARCH_RPS',
    ]);
  });

  it('takes an optional contact, which must be one Scryfall can use', () => {
    expect(loadConfig('ingestion-worker', schema, {}).SCRYFALL_CONTACT).toBeUndefined();
    expect(scryfallClientOptions({ ...loadConfig('ingestion-worker', schema, {}), MELVIN_VERSION: 'test' }).offline).toBe(true);
    expect(problems({ SCRYFALL_CONTACT: 'call me' })['SCRYFALL_CONTACT']).toMatch(/web address or e-mail/);
    expect(loadConfig('ingestion-worker', schema, { SCRYFALL_CONTACT: 'https://melvin.example.org' }).SCRYFALL_CONTACT).toBe(
      'https://melvin.example.org',
    );
  });

  it('reads SCRYFALL_OFFLINE=false as off and true as on', () => {
    expect(loadConfig('ingestion-worker', schema, { ...contact, SCRYFALL_OFFLINE: 'false' }).SCRYFALL_OFFLINE).toBe(false);
    expect(loadConfig('ingestion-worker', schema, { ...contact, SCRYFALL_OFFLINE: 'true' }).SCRYFALL_OFFLINE).toBe(true);
  });
});
