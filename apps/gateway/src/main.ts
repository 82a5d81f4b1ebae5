import 'reflect-metadata';
import { startService } from '@melvin/shared/runtime';
import { AppModule } from './app/app.module';
import { configureGatewayHttp } from './app/http/configure-http';
import { gatewayEnvSchema } from './config/env.schema';

startService({
  service: 'gateway',
  envSchema: gatewayEnvSchema,
  listensOnRedis: false,
  createModule: (config, logger) => AppModule.forRoot(config, logger),
  configureHttp: configureGatewayHttp,
});
