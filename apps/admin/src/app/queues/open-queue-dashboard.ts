import type { AdminApi } from '../session/admin-api';

/** Where the gateway mounts the BullMQ dashboard (bull-board); its cookie is scoped to this path. */
export const QUEUE_DASHBOARD_URL = '/admin/queues';
export const QUEUE_DASHBOARD_SESSION_URL = '/api/admin/queues/session';

type OpenWindow = (url: string, target: string) => Pick<Window, 'location' | 'close'> & { opener: unknown } | null;

/**
 * Opens the dashboard in a new tab. The tab is opened before the (awaited) session request, while the
 * click still counts as a user gesture: browsers block pop-ups opened later. The gateway answers with
 * an HttpOnly cookie scoped to the dashboard's path, which the tab then sends when it navigates there.
 * Resolves to false if the browser blocked the tab; the caller then offers a plain link instead.
 */
export async function openQueueDashboard(api: AdminApi, open: OpenWindow = (url, target) => window.open(url, target)): Promise<boolean> {
  const tab = open('about:blank', '_blank');
  if (tab) tab.opener = null;
  try {
    await api.post<void>(QUEUE_DASHBOARD_SESSION_URL);
  } catch (error) {
    tab?.close();
    throw error;
  }
  if (!tab) return false;
  tab.location.href = new URL(QUEUE_DASHBOARD_URL, window.location.href).href;
  return true;
}
