export * from './lib/postgres';
export * from './lib/mongo';
export * from './lib/redis.module';
export * from './lib/queue.module';
export * from './lib/queue-metrics';
