export * from './ollama-embedder';
export * from './qdrant-vector-store';
