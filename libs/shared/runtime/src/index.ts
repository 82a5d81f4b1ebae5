export * from './lib/bootstrap-service';
export * from './lib/start-service';
export * from './lib/namespaced-redis-transport';
export * from './lib/service-error.filter';
