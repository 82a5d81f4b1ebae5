export * from './parse-decklist';
