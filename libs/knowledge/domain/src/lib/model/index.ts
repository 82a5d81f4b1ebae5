export * from './rules';
export * from './cards';
