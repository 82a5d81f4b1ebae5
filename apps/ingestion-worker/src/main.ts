import 'reflect-metadata';
import { migrateKnowledge } from '@melvin/knowledge/data-access';
import { startService } from '@melvin/shared/runtime';
import { AppModule } from './app/app.module';
import { ingestionWorkerEnvSchema } from './config/env.schema';

startService({
  service: 'ingestion-worker',
  envSchema: ingestionWorkerEnvSchema,
  listensOnRedis: true,
  createModule: (config, logger) => AppModule.forRoot(config, logger),
  commands: {
    /** `node main.js migrate`: the knowledge tables this worker writes (the auth image migrates identity). */
    async migrate(config, logger) {
      const applied = await migrateKnowledge(config.POSTGRES_URL);
      logger.info(applied.length ? `applied migrations: ${applied.join(', ')}` : 'knowledge schema is up to date', { applied });
    },
  },
});
