export * from './lib/services';
export * from './lib/envelope';
export * from './lib/health';
export * from './lib/patterns';
export * from './lib/ingestion';
export * from './lib/errors';
export * from './lib/identity';
export * from './lib/knowledge';
