import { useSyncExternalStore } from 'react';

/**
 * Pages live in the URL's fragment (`/admin/#/knowledge`): the gateway then never has to know the
 * console's routes, and none can collide with what it mounts under /admin (the queue dashboard).
 */
export const ADMIN_PAGES = ['status', 'knowledge', 'queues', 'feedback'] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

export function pageFromHash(hash: string): AdminPage {
  const name = hash.replace(/^#\/?/, '');
  return (ADMIN_PAGES as readonly string[]).includes(name) ? (name as AdminPage) : 'status';
}

export function hrefOf(page: AdminPage): string {
  return page === 'status' ? '#/' : `#/${page}`;
}

export function useHashRoute(): AdminPage {
  return useSyncExternalStore(
    (onChange) => {
      window.addEventListener('hashchange', onChange);
      return () => window.removeEventListener('hashchange', onChange);
    },
    () => pageFromHash(window.location.hash),
  );
}
