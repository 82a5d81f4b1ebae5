import 'reflect-metadata';
import { startService } from '@melvin/shared/runtime';
import { AppModule } from './app/app.module';
import { ingestionWorkerEnvSchema } from './config/env.schema';

startService({
  service: 'ingestion-worker',
  envSchema: ingestionWorkerEnvSchema,
  listensOnRedis: true,
  createModule: (config, logger) => AppModule.forRoot(config, logger),
});
