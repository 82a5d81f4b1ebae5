export * from './card-view';
export * from './corpus-files';
export * from './knowledge-base';
export * from './search-result-view';
export * from './knowledge-follower';
export * from './dense-search';
