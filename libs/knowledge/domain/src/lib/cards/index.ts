export * from './normalize-name';
export * from './malformed-record-error';
export * from './mana-cost';
export * from './type-line';
export * from './non-game';
export * from './to-card-record';
export * from './to-card-ruling';
