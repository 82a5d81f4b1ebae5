import 'reflect-metadata';
import { startService } from '@melvin/shared/runtime';
import { AppModule } from './app/app.module';
import { loopAnalysisEnvSchema } from './config/env.schema';

startService({
  service: 'loop-analysis',
  envSchema: loopAnalysisEnvSchema,
  listensOnRedis: true,
  createModule: (config, logger) => AppModule.forRoot(config, logger),
});
