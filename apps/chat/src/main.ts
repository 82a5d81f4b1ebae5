import 'reflect-metadata';
import { startService } from '@melvin/shared/runtime';
import { AppModule } from './app/app.module';
import { chatEnvSchema } from './config/env.schema';

startService({
  service: 'chat',
  envSchema: chatEnvSchema,
  listensOnRedis: true,
  createModule: (config, logger) => AppModule.forRoot(config, logger),
});
