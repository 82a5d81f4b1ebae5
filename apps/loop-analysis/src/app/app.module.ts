import { Module, type DynamicModule } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type Redis from 'ioredis';
import type { Connection } from 'mongoose';
import type { Logger } from 'winston';
import { ObservabilityModule } from '@melvin/shared/observability';
import { MONGO_CONNECTION_OPTIONS, mongoCheck, REDIS_CLIENT, RedisModule, redisCheck } from '@melvin/shared/persistence';
import type { LoopAnalysisConfig } from '../config/env.schema';

/** Loop analysis: keeps its loop-graph artifacts in MongoDB. */
@Module({})
export class AppModule {
  static forRoot(config: LoopAnalysisConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MongooseModule.forRoot(config.MONGO_URL, MONGO_CONNECTION_OPTIONS),
        RedisModule.forRoot(config.REDIS_URL),
        ObservabilityModule.forRoot({
          identity: { name: 'loop-analysis', version: config.MELVIN_VERSION },
          logger,
          answersReadinessOverRedis: true,
          checks: {
            inject: [getConnectionToken(), REDIS_CLIENT],
            useFactory: (connection: Connection, redis: Redis) => [mongoCheck(connection), redisCheck(redis)],
          },
        }),
      ],
    };
  }
}
