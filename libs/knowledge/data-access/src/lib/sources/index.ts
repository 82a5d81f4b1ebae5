export * from './source-file-error';
export * from './read-json-array-file';
export * from './read-records-file';
export * from './read-text-file';
export * from './sha256-of-file';
