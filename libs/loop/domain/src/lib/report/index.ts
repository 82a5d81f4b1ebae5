export * from './loop-report';
