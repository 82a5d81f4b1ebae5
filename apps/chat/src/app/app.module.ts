import { Module, type DynamicModule } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { Connection } from 'mongoose';
import { DataSource } from 'typeorm';
import type { Logger } from 'winston';
import { httpDependencyCheck, ObservabilityModule, type DependencyCheck } from '@melvin/shared/observability';
import {
  MONGO_CONNECTION_OPTIONS,
  mongoCheck,
  postgresCheck,
  postgresDataSourceOptions,
  REDIS_CLIENT,
  RedisModule,
  redisCheck,
} from '@melvin/shared/persistence';
import { CONVERSATION_ENTITIES } from '@melvin/conversation/data-access';
import { KNOWLEDGE_ENTITIES } from '@melvin/knowledge/data-access';
import type { ChatConfig } from '../config/env.schema';
import { AnswersModule } from './answers/answers.module';
import { ConversationsModule } from './conversations/conversations.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { LiveKnowledge } from './knowledge/live-knowledge';

/** Qdrant and Ollama are optional: they join readiness only when configured. */
function aiChecks(config: ChatConfig): DependencyCheck[] {
  const checks: DependencyCheck[] = [];
  if (config.QDRANT_URL) checks.push(httpDependencyCheck('qdrant', new URL('/readyz', config.QDRANT_URL).href));
  if (config.OLLAMA_URL) checks.push(httpDependencyCheck('ollama', new URL('/api/version', config.OLLAMA_URL).href));
  return checks;
}

/** Chat: conversation metadata in PostgreSQL, transcripts in MongoDB. */
@Module({})
export class AppModule {
  static forRoot(config: ChatConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(
          postgresDataSourceOptions({
            url: config.POSTGRES_URL,
            entities: [...KNOWLEDGE_ENTITIES, ...CONVERSATION_ENTITIES],
            migrations: [],
            migrationsTableName: 'conversation_migrations',
          }),
        ),
        MongooseModule.forRoot(config.MONGO_URL, MONGO_CONNECTION_OPTIONS),
        RedisModule.forRoot(config.REDIS_URL),
        KnowledgeModule.forRoot(config),
        ConversationsModule,
        AnswersModule.forRoot(config),
        ObservabilityModule.forRoot({
          identity: { name: 'chat', version: config.MELVIN_VERSION },
          logger,
          answersReadinessOverRedis: true,
          checks: {
            inject: [DataSource, getConnectionToken(), REDIS_CLIENT, LiveKnowledge],
            useFactory: (dataSource: DataSource, connection: Connection, redis: Redis, knowledge: LiveKnowledge) => [
              postgresCheck(dataSource),
              knowledge.readinessCheck(),
              mongoCheck(connection),
              redisCheck(redis),
              ...aiChecks(config),
            ],
          },
        }),
      ],
    };
  }
}
