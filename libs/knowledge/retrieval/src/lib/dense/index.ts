export * from './embedder';
export * from './vector-store';
export * from './in-memory-vector-store';
export * from './dense-collection-name';
export * from './index-documents-densely';
export * from './dense-retriever';
// For specs only (both this lib's and the adapters'); it loads nothing from jest by itself.
export * from './vector-store.contract';
