import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { Logger } from 'winston';
import { identityDataSourceOptions } from '@melvin/identity/data-access';
import { ObservabilityModule } from '@melvin/shared/observability';
import { postgresCheck, REDIS_CLIENT, RedisModule, redisCheck } from '@melvin/shared/persistence';
import type { AuthConfig } from '../config/env.schema';

/** Identity: accounts, approvals and the audit trail, stored in PostgreSQL. */
@Module({})
export class AppModule {
  static forRoot(config: AuthConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(identityDataSourceOptions(config.POSTGRES_URL)),
        RedisModule.forRoot(config.REDIS_URL),
        ObservabilityModule.forRoot({
          identity: { name: 'auth', version: config.MELVIN_VERSION },
          logger,
          answersReadinessOverRedis: true,
          checks: {
            inject: [DataSource, REDIS_CLIENT],
            useFactory: (dataSource: DataSource, redis: Redis) => [postgresCheck(dataSource), redisCheck(redis)],
          },
        }),
      ],
    };
  }
}
