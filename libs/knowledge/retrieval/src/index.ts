export * from './lib/knowledge-corpus';
export * from './lib/knowledge-document';
export * from './lib/knowledge-index';
export * from './lib/fuse-rankings';
export type { RuleEntry } from './lib/rule-book';
export * from './lib/dense';
