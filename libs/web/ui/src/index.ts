export { mountApp } from './lib/mount-app';
export { StatusPage } from './lib/status-page';
export type { StatusPageAccent, StatusPageProps } from './lib/status-page';
