import Redis from 'ioredis';
import { z } from 'zod';
import { loadConfig, urlWithProtocol } from '@melvin/shared/config';
import { ScryfallClient } from '../scryfall-client';
import { card, clientOptions, FakeScryfall } from '../../test/fake-scryfall';
import { RedisResponseCache } from './redis-response-cache';

const { MELVIN_TEST_REDIS_URL, MELVIN_TEST_RUN_ID } = loadConfig(
  'scryfall tests',
  z.object({
    MELVIN_TEST_REDIS_URL: urlWithProtocol('redis:').default('redis://127.0.0.1:6379'),
    MELVIN_TEST_RUN_ID: z.string().default(`local_${process.pid}`),
  }),
);

describe('RedisResponseCache', () => {
  const prefix = `melvin_test_${MELVIN_TEST_RUN_ID}_${Date.now()}:scryfall:`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(MELVIN_TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterEach(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  });
  afterAll(() => redis.quit());

  it('stores answers under its prefix with the TTL it was given', async () => {
    const cache = new RedisResponseCache(redis, prefix);
    await cache.set('/cards/named?exact=opt', '{"status":200}', 86_400);
    expect(await cache.get('/cards/named?exact=opt')).toBe('{"status":200}');
    expect(await cache.get('/cards/named?exact=shock')).toBeNull();
    expect(await redis.keys(`${prefix}*`)).toEqual([`${prefix}/cards/named?exact=opt`]);
    expect(await redis.ttl(`${prefix}/cards/named?exact=opt`)).toBeGreaterThan(86_390);
  });

  it('forgets an answer once its time is up', async () => {
    const cache = new RedisResponseCache(redis, prefix);
    await cache.set('/cards/abc', '{}', 1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await cache.get('/cards/abc')).toBeNull();
  });

  it("lets one Melvin service use another's lookup instead of asking Scryfall again", async () => {
    const scryfall = await FakeScryfall.start();
    try {
      scryfall.answer(() => ({ body: card('Opt') }));
      const worker = new ScryfallClient(clientOptions(scryfall.url), new RedisResponseCache(redis, prefix));
      const chat = new ScryfallClient(clientOptions(scryfall.url), new RedisResponseCache(redis, prefix));
      await worker.named({ exact: 'Opt' });
      expect(await chat.named({ exact: 'Opt' })).toMatchObject({ name: 'Opt' });
      expect(scryfall.requests).toHaveLength(1);
    } finally {
      await scryfall.close();
    }
  });
});
