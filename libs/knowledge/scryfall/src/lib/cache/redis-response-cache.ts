import type Redis from 'ioredis';
import type { ResponseCache } from './response-cache';

/**
 * Shares Scryfall answers between Melvin's services. Every key starts with `keyPrefix`
 * (e.g. `melvin:scryfall:`), so installs and test runs sharing a Redis stay apart; Redis drops
 * an entry itself when its time is up.
 */
export class RedisResponseCache implements ResponseCache {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async get(key: string): Promise<string | null> {
    return this.redis.get(this.keyPrefix + key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.keyPrefix + key, value, 'EX', ttlSeconds);
  }
}
