import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ClientsModule, type ClientProxy } from '@nestjs/microservices';
import { NamespacedClientRedis } from '@melvin/shared/runtime';
import type { ChatConfig } from '../../config/env.schema';
import { ConversationsModule } from '../conversations/conversations.module';
import { AnswerCancellations } from './answer-cancellations';
import { AnswerMetrics } from './answer-metrics';
import { AnswersController } from './answers.controller';
import { AnswersService } from './answers.service';
import { LOOP_SERVICE_CLIENT, RemoteLoopChecker } from './loop-checker';

@Module({})
export class AnswersModule {
  static forRoot(config: ChatConfig): DynamicModule {
    return {
      module: AnswersModule,
      imports: [
        ConversationsModule,
        ClientsModule.register([
          {
            name: LOOP_SERVICE_CLIENT,
            // ClientRedis narrows its status type; Nest's option type wants the generic ClientProxy.
            customClass: NamespacedClientRedis as unknown as Type<ClientProxy>,
            options: { redisUrl: config.REDIS_URL, namespace: config.REDIS_KEY_PREFIX },
          },
        ]),
      ],
      controllers: [AnswersController],
      providers: [AnswersService, AnswerCancellations, AnswerMetrics, RemoteLoopChecker],
    };
  }
}
