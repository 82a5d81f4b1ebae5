export * from './rule-number';
export * from './parse-comprehensive-rules';
export * from './edition-diff';
