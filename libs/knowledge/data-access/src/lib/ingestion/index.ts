export * from './ingestion-progress';
export * from './knowledge-ingestion';
export * from './source-files';
