import 'reflect-metadata';
import { migrateConversations } from '@melvin/conversation/data-access';
import { startService } from '@melvin/shared/runtime';
import { AppModule } from './app/app.module';
import { chatEnvSchema } from './config/env.schema';

startService({
  service: 'chat',
  envSchema: chatEnvSchema,
  listensOnRedis: true,
  createModule: (config, logger) => AppModule.forRoot(config, logger),
  commands: {
    /** `node main.js migrate`: the conversation tables this service owns (the migration Job runs it, never the server). */
    async migrate(config, logger) {
      const applied = await migrateConversations(config.POSTGRES_URL);
      logger.info(applied.length ? `applied migrations: ${applied.join(', ')}` : 'conversation schema is up to date', { applied });
    },
  },
});
