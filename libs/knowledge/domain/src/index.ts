export * from './lib/source-catalogue';
