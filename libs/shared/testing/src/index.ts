export * from './lib/test-environment';
export * from './lib/test-databases';
export * from './lib/wait-for';
export * from './lib/service-process';
export * from './lib/silent-logger';
