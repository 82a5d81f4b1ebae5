export * from './lib/identity-error';
export * from './lib/username';
export * from './lib/password-policy';
export * from './lib/lockout';
