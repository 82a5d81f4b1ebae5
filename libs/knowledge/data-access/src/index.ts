export * from './lib/sources';
export * from './lib/store';
export * from './lib/ingestion';
export * from './lib/read';
export * from './lib/vectors';
