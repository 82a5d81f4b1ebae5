import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { DependencyCheck } from '@melvin/shared/observability';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** A shared ioredis client for health checks and small reads; closed when the service stops. */
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly client: Redis) {}

  static forRoot(redisUrl: string): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [
        {
          provide: REDIS_CLIENT,
          // Commands issued while (re)connecting wait briefly instead of failing: the health check's own
          // timeout decides when Redis counts as down.
          useFactory: () => new Redis(redisUrl, { maxRetriesPerRequest: 1 }),
        },
      ],
      exports: [REDIS_CLIENT],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // QUIT would wait for a connection that may never come; only a connected client says goodbye.
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}

export function redisCheck(client: Redis): DependencyCheck {
  return {
    name: 'redis',
    async check() {
      const answer = await client.ping();
      if (answer !== 'PONG') throw new Error(`unexpected answer ${answer}`);
    },
  };
}
