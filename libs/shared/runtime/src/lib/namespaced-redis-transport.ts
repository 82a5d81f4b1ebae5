import { ClientRedis, ServerRedis, type RedisOptions } from '@nestjs/microservices';
import { redisConnectionOptions } from '@melvin/shared/config';

/**
 * Redis pub/sub channels ignore key prefixes and database numbers, so two Melvin installs (or a
 * test run beside a dev instance) on one Redis would answer each other's requests. These put
 * every request and reply channel under the install's REDIS_KEY_PREFIX.
 */
export interface NamespacedRedisOptions {
  redisUrl: string;
  namespace: string;
}

function redisOptions({ redisUrl }: NamespacedRedisOptions): RedisOptions['options'] {
  return { ...redisConnectionOptions(redisUrl) };
}

export class NamespacedServerRedis extends ServerRedis {
  private readonly channelPrefix: string;

  constructor(options: NamespacedRedisOptions) {
    super(redisOptions(options) ?? {});
    this.channelPrefix = `${options.namespace}:`;
  }

  override getRequestPattern(pattern: string): string {
    return `${this.channelPrefix}${pattern}`;
  }

  override getHandlerByPattern(channel: string) {
    return super.getHandlerByPattern(channel.startsWith(this.channelPrefix) ? channel.slice(this.channelPrefix.length) : channel);
  }
}

export class NamespacedClientRedis extends ClientRedis {
  private readonly channelPrefix: string;

  constructor(options: NamespacedRedisOptions) {
    super(redisOptions(options) ?? {});
    this.channelPrefix = `${options.namespace}:`;
  }

  override getRequestPattern(pattern: string): string {
    return `${this.channelPrefix}${pattern}`;
  }

  override getReplyPattern(pattern: string): string {
    return `${this.channelPrefix}${pattern}.reply`;
  }
}
