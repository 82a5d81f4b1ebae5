export * from './conversation.entity';
export * from './conversation-data-source';
export * from './conversation-errors';
export * from './conversation-catalog';
