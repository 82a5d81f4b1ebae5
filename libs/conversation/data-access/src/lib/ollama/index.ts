export * from './ollama-chat.client';
export * from './concurrency-gate';
export * from './ollama-errors';
