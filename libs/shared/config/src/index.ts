export * from './lib/load-config';
export * from './lib/env-fields';
export * from './lib/redis-url';
