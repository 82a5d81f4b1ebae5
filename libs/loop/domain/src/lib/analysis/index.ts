export * from './card-pool';
export * from './analyse';
