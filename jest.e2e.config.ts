import type { Config } from 'jest';
import integration from './jest.int.config';

/** End-to-end: the built services run as real processes and are driven over HTTP and in Chromium. */
const config: Config = {
  ...integration,
  displayName: 'e2e',
  testMatch: ['<rootDir>/tools/e2e/**/*.e2e-spec.ts'],
  testTimeout: 180_000,
};
export default config;
