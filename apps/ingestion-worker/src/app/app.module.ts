import { Module, type DynamicModule } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Logger } from 'winston';
import { Queues } from '@melvin/shared/contracts';
import { httpDependencyCheck, ObservabilityModule } from '@melvin/shared/observability';
import { QueueModule, REDIS_CLIENT, RedisModule, redisCheck } from '@melvin/shared/persistence';
import type { IngestionWorkerConfig } from '../config/env.schema';
import { IngestionProcessor } from './jobs/ingestion.processor';
import { JobStatusController } from './jobs/job-status.controller';
import { queueDepthMetrics } from './jobs/queue-metrics';
import { INGESTION_CONFIG } from './jobs/tokens';

/** Ingestion: turns source downloads into Melvin's knowledge stores, one queued job at a time. */
@Module({})
export class AppModule {
  static forRoot(config: IngestionWorkerConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        QueueModule.forRoot(config.REDIS_URL, config.REDIS_KEY_PREFIX),
        QueueModule.registerQueue(Queues.ingestion),
        RedisModule.forRoot(config.REDIS_URL),
        ObservabilityModule.forRoot({
          identity: { name: 'ingestion-worker', version: config.MELVIN_VERSION },
          logger,
          answersReadinessOverRedis: true,
          checks: {
            inject: [REDIS_CLIENT],
            useFactory: (redis: Redis) => [
              redisCheck(redis),
              ...(config.QDRANT_URL ? [httpDependencyCheck('qdrant', new URL('/readyz', config.QDRANT_URL).href)] : []),
            ],
          },
        }),
      ],
      controllers: [JobStatusController],
      providers: [{ provide: INGESTION_CONFIG, useValue: config }, IngestionProcessor, queueDepthMetrics],
    };
  }
}
