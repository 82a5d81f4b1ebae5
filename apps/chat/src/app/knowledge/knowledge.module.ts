import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ChatConfig } from '../../config/env.schema';
import { CHAT_CONFIG } from '../tokens';
import { KnowledgeController } from './knowledge.controller';
import { LiveCardLookup } from './live-card-lookup';
import { LiveKnowledge } from './live-knowledge';

/** Global so readiness checks (built in the observability module) can reach the live knowledge base. */
@Global()
@Module({})
export class KnowledgeModule {
  static forRoot(config: ChatConfig): DynamicModule {
    return {
      module: KnowledgeModule,
      controllers: [KnowledgeController],
      providers: [{ provide: CHAT_CONFIG, useValue: config }, LiveKnowledge, LiveCardLookup],
      exports: [LiveKnowledge, CHAT_CONFIG],
    };
  }
}
