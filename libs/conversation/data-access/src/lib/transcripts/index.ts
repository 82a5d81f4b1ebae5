export * from './message.schema';
export * from './transcript-store';
