export * from './lib/ollama';
export * from './lib/conversations';
export * from './lib/transcripts';
export * from './lib/answering';
