export * from './lib/bootstrap-service';
export * from './lib/start-service';
