export * from './answer-types';
export * from './answer-text';
export * from './answer-pipeline';
