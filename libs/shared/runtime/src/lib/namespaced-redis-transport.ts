import { ClientRedis, ServerRedis } from '@nestjs/microservices';
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

/** `auth.me.get` travels as `<namespace>:auth.me.get`, its answer as `<namespace>:auth.me.get.reply`. */
class ChannelNamespace {
  private readonly prefix: string;

  constructor(namespace: string) {
    this.prefix = `${namespace}:`;
  }

  request(pattern: string): string {
    return `${this.prefix}${pattern}`;
  }

  reply(pattern: string): string {
    return `${this.prefix}${pattern}.reply`;
  }

  pattern(channel: string): string {
    return channel.startsWith(this.prefix) ? channel.slice(this.prefix.length) : channel;
  }
}

export class NamespacedServerRedis extends ServerRedis {
  private readonly channels: ChannelNamespace;

  constructor({ redisUrl, namespace }: NamespacedRedisOptions) {
    super({ ...redisConnectionOptions(redisUrl) });
    this.channels = new ChannelNamespace(namespace);
  }

  override getRequestPattern(pattern: string): string {
    return this.channels.request(pattern);
  }

  // The server answers on `<channel>.reply`, which is already namespaced.
  override getHandlerByPattern(channel: string) {
    return super.getHandlerByPattern(this.channels.pattern(channel));
  }
}

export class NamespacedClientRedis extends ClientRedis {
  private readonly channels: ChannelNamespace;

  constructor({ redisUrl, namespace }: NamespacedRedisOptions) {
    super({ ...redisConnectionOptions(redisUrl) });
    this.channels = new ChannelNamespace(namespace);
  }

  override getRequestPattern(pattern: string): string {
    return this.channels.request(pattern);
  }

  override getReplyPattern(pattern: string): string {
    return this.channels.reply(pattern);
  }
}
