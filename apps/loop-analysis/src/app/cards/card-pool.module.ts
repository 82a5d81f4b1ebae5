import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { LoopAnalysisConfig } from '../../config/env.schema';
import { LOOP_CONFIG } from '../tokens';
import { LiveCardPool } from './live-card-pool';

/** Global so readiness checks (built in the observability module) can reach the card pool. */
@Global()
@Module({})
export class CardPoolModule {
  static forRoot(config: LoopAnalysisConfig): DynamicModule {
    return {
      module: CardPoolModule,
      providers: [{ provide: LOOP_CONFIG, useValue: config }, LiveCardPool],
      exports: [LiveCardPool, LOOP_CONFIG],
    };
  }
}
