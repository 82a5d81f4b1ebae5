import { Module, type DynamicModule } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { Connection } from 'mongoose';
import { DataSource } from 'typeorm';
import type { Logger } from 'winston';
import { KNOWLEDGE_ENTITIES } from '@melvin/knowledge/data-access';
import { Queues } from '@melvin/shared/contracts';
import { ObservabilityModule } from '@melvin/shared/observability';
import {
  MONGO_CONNECTION_OPTIONS,
  mongoCheck,
  postgresCheck,
  postgresDataSourceOptions,
  QueueModule,
  queueDepthMetrics,
  REDIS_CLIENT,
  RedisModule,
  redisCheck,
} from '@melvin/shared/persistence';
import type { LoopAnalysisConfig } from '../config/env.schema';
import { DeckAnalysisProcessor } from './analysis/deck-analysis.processor';
import { LoopAnalyser } from './analysis/loop-analyser';
import { LoopMetrics } from './analysis/loop-metrics';
import { LoopsController } from './analysis/loops.controller';
import { AnalysisStore } from './artifacts/analysis-store';
import { LoopAnalysis, LoopAnalysisSchema } from './artifacts/loop-analysis.schema';
import { CardPoolModule } from './cards/card-pool.module';
import { LiveCardPool } from './cards/live-card-pool';

/** Loop analysis: reads cards from the knowledge store, keeps its loop-graph artifacts in MongoDB. */
@Module({})
export class AppModule {
  static forRoot(config: LoopAnalysisConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(
          postgresDataSourceOptions({ url: config.POSTGRES_URL, entities: KNOWLEDGE_ENTITIES, migrations: [], migrationsTableName: 'knowledge_migrations' }),
        ),
        MongooseModule.forRoot(config.MONGO_URL, MONGO_CONNECTION_OPTIONS),
        MongooseModule.forFeature([{ name: LoopAnalysis.name, schema: LoopAnalysisSchema }]),
        QueueModule.forRoot(config.REDIS_URL, config.REDIS_KEY_PREFIX),
        QueueModule.registerQueue(Queues.loopAnalysis),
        RedisModule.forRoot(config.REDIS_URL),
        CardPoolModule.forRoot(config),
        ObservabilityModule.forRoot({
          identity: { name: 'loop-analysis', version: config.MELVIN_VERSION },
          logger,
          answersReadinessOverRedis: true,
          checks: {
            inject: [DataSource, getConnectionToken(), REDIS_CLIENT, LiveCardPool],
            useFactory: (dataSource: DataSource, connection: Connection, redis: Redis, pool: LiveCardPool) => [
              postgresCheck(dataSource),
              mongoCheck(connection),
              redisCheck(redis),
              pool.readinessCheck(),
            ],
          },
        }),
      ],
      controllers: [LoopsController],
      providers: [AnalysisStore, LoopAnalyser, LoopMetrics, DeckAnalysisProcessor, queueDepthMetrics(Queues.loopAnalysis)],
    };
  }
}
