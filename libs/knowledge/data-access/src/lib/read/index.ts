export * from './card-view';
export * from './corpus-files';
export * from './knowledge-base';
