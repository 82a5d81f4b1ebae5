export * from './card-query';
export * from './card-query-syntax-error';
export * from './parse-card-query';
export * from './match-card-query';
export * from './search-cards';
