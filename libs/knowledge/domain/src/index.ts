export * from './lib/source-catalogue';
export * from './lib/model';
export * from './lib/cr';
export * from './lib/cards';
export * from './lib/card-search';
export * from './lib/card-names';
