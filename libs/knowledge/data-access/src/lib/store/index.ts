export * from './knowledge-release.entity';
export * from './ingestion-run.entity';
export * from './knowledge-data-source';
export * from './knowledge-releases';
export * from './knowledge-reader';
