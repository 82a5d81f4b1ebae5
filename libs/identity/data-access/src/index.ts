export * from './lib/audit-event.entity';
export * from './lib/identity-data-source';
