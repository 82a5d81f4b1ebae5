import 'reflect-metadata';
import { migrateIdentity } from '@melvin/identity/data-access';
import { startService } from '@melvin/shared/runtime';
import { AppModule } from './app/app.module';
import { authEnvSchema } from './config/env.schema';

startService({
  service: 'auth',
  envSchema: authEnvSchema,
  listensOnRedis: true,
  createModule: (config, logger) => AppModule.forRoot(config, logger),
  commands: {
    /** `node main.js migrate`: the migration Job / compose one-shot runs this, never the server. */
    async migrate(config, logger) {
      const applied = await migrateIdentity(config.POSTGRES_URL);
      logger.info(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date', { applied });
    },
  },
});
