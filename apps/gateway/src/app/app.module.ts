import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ClientsModule, type ClientProxy } from '@nestjs/microservices';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import type { Logger } from 'winston';
import { Queues } from '@melvin/shared/contracts';
import { ObservabilityModule } from '@melvin/shared/observability';
import { QueueModule, REDIS_CLIENT, RedisModule, redisCheck } from '@melvin/shared/persistence';
import { NamespacedClientRedis } from '@melvin/shared/runtime';
import type { GatewayConfig } from '../config/env.schema';
import { isAuthRateLimited } from './auth/auth-rate-limit';
import { AccessPolicyGuard, JwtAuthGuard } from './auth/guards';
import { JwtStrategy } from './auth/jwt.strategy';
import { ConversationsController } from './conversations/conversations.controller';
import { FeedbackAdminController } from './conversations/feedback-admin.controller';
import { SystemHealthController } from './health/system-health.controller';
import { AdminController } from './identity/admin.controller';
import { AuthController } from './identity/auth.controller';
import { MeController } from './identity/me.controller';
import { SystemHealthService } from './health/system-health.service';
import { AnswerEvents } from './answers/answer-events';
import { AnswersController } from './answers/answers.controller';
import { IngestionController } from './ingestion/ingestion.controller';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { LoopsController } from './loops/loops.controller';
import { QueueDashboardController } from './queues/queue-dashboard.controller';
import { QueueDashboardSessions } from './queues/queue-dashboard-session';
import { ServiceClient } from './services/service-client';
import { GATEWAY_CONFIG, SERVICES_CLIENT } from './services/tokens';

/** Probes and metrics are scraped often and must never be rate-limited away. */
const UNTHROTTLED_PREFIXES = ['/health/', '/metrics'];

/** The public edge: the only service with a public port; reaches the others over Redis. */
@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'default', ttl: config.RATE_LIMIT_TTL_MS, limit: config.RATE_LIMIT_MAX },
            { name: 'auth', ttl: config.RATE_LIMIT_TTL_MS, limit: config.AUTH_RATE_LIMIT_MAX, skipIf: (context) => !isAuthRateLimited(context) },
          ],
          skipIf: (context) => {
            const path: string = context.switchToHttp().getRequest().path ?? '';
            return UNTHROTTLED_PREFIXES.some((prefix) => path.startsWith(prefix));
          },
        }),
        PassportModule,
        ClientsModule.register([
          {
            name: SERVICES_CLIENT,
            // ClientRedis narrows its status type; Nest's option type wants the generic ClientProxy.
            customClass: NamespacedClientRedis as unknown as Type<ClientProxy>,
            options: { redisUrl: config.REDIS_URL, namespace: config.REDIS_KEY_PREFIX },
          },
        ]),
        QueueModule.forRoot(config.REDIS_URL, config.REDIS_KEY_PREFIX),
        QueueModule.registerQueue(Queues.ingestion),
        // Registered for the queue dashboard; loop-analysis itself adds and runs the jobs.
        QueueModule.registerQueue(Queues.loopAnalysis),
        RedisModule.forRoot(config.REDIS_URL),
        ObservabilityModule.forRoot({
          identity: { name: 'gateway', version: config.MELVIN_VERSION },
          logger,
          answersReadinessOverRedis: false,
          checks: { inject: [REDIS_CLIENT], useFactory: (redis: Redis) => [redisCheck(redis)] },
        }),
      ],
      controllers: [SystemHealthController, IngestionController, AuthController, MeController, AdminController, QueueDashboardController, KnowledgeController, LoopsController, AnswersController, ConversationsController, FeedbackAdminController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        ServiceClient,
        AnswerEvents,
        { provide: QueueDashboardSessions, useValue: new QueueDashboardSessions(config.JWT_SECRET) },
        SystemHealthService,
        JwtStrategy,
        JwtAuthGuard,
        AccessPolicyGuard,
      ],
    };
  }
}
