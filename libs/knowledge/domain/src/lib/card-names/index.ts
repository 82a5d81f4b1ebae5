export * from './card-name-index';
