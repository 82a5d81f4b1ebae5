import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { Logger } from 'winston';
import { KnowledgeIngestion, knowledgeDataSourceOptions, KnowledgeReleases } from '@melvin/knowledge/data-access';
import { Queues } from '@melvin/shared/contracts';
import { httpDependencyCheck, ObservabilityModule, SERVICE_LOGGER } from '@melvin/shared/observability';
import { postgresCheck, QueueModule, queueDepthMetrics, REDIS_CLIENT, RedisModule, redisCheck } from '@melvin/shared/persistence';
import type { IngestionWorkerConfig } from '../config/env.schema';
import { IngestionProcessor } from './jobs/ingestion.processor';
import { JobStatusController } from './jobs/job-status.controller';
import { INGESTION_CONFIG } from './jobs/tokens';
import { IngestionRunsController } from './knowledge/ingestion-runs.controller';
import { KnowledgeSchedule } from './knowledge/knowledge-schedule';

/** Ingestion: turns source downloads into Melvin's knowledge stores, one queued job at a time. */
@Module({})
export class AppModule {
  static forRoot(config: IngestionWorkerConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(knowledgeDataSourceOptions(config.POSTGRES_URL)),
        QueueModule.forRoot(config.REDIS_URL, config.REDIS_KEY_PREFIX),
        QueueModule.registerQueue(Queues.ingestion),
        RedisModule.forRoot(config.REDIS_URL),
        ObservabilityModule.forRoot({
          identity: { name: 'ingestion-worker', version: config.MELVIN_VERSION },
          logger,
          answersReadinessOverRedis: true,
          checks: {
            inject: [DataSource, REDIS_CLIENT],
            useFactory: (dataSource: DataSource, redis: Redis) => [
              postgresCheck(dataSource),
              redisCheck(redis),
              ...(config.QDRANT_URL ? [httpDependencyCheck('qdrant', new URL('/readyz', config.QDRANT_URL).href)] : []),
            ],
          },
        }),
      ],
      controllers: [JobStatusController, IngestionRunsController],
      providers: [
        { provide: INGESTION_CONFIG, useValue: config },
        {
          provide: KnowledgeIngestion,
          inject: [DataSource, SERVICE_LOGGER],
          useFactory: (dataSource: DataSource, serviceLogger: Logger) => new KnowledgeIngestion(dataSource, serviceLogger),
        },
        { provide: KnowledgeReleases, inject: [DataSource], useFactory: (dataSource: DataSource) => new KnowledgeReleases(dataSource) },
        IngestionProcessor,
        KnowledgeSchedule,
        queueDepthMetrics(Queues.ingestion),
      ],
    };
  }
}
