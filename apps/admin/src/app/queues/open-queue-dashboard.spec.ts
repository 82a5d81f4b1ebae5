import { describe, expect, it, vi } from 'vitest';
import { FakeGateway, signedInApi } from '../../testing/fake-gateway';
import { openQueueDashboard } from './open-queue-dashboard';

function fakeTab() {
  return { location: { href: 'about:blank' }, close: vi.fn(), opener: {} as unknown };
}

describe('openQueueDashboard', () => {
  it('opens the tab during the click, then sends it to the dashboard once the cookie is set', async () => {
    const gateway = new FakeGateway();
    const api = await signedInApi(gateway);
    const tab = fakeTab();
    let hrefWhenSessionAsked = '';
    gateway.on('POST /api/admin/queues/session', () => {
      hrefWhenSessionAsked = tab.location.href;
      return { status: 204 };
    });
    const open = vi.fn(() => tab as unknown as Window);

    await expect(openQueueDashboard(api, open)).resolves.toBe(true);

    expect(open).toHaveBeenCalledWith('about:blank', '_blank');
    expect(hrefWhenSessionAsked).toBe('about:blank');
    expect(gateway.callsTo('POST /api/admin/queues/session')[0].authorization).toBe('Bearer access-1');
    expect(tab.location.href).toBe(new URL('/admin/queues', window.location.href).href);
    expect(tab.opener).toBeNull();
  });

  it('closes the tab again when the session is refused', async () => {
    const gateway = new FakeGateway();
    const api = await signedInApi(gateway);
    gateway.on('POST /api/admin/queues/session', { status: 403, body: { code: 'FORBIDDEN', message: 'Admins only' } });
    const tab = fakeTab();

    await expect(openQueueDashboard(api, () => tab as unknown as Window)).rejects.toThrow('Admins only');
    expect(tab.close).toHaveBeenCalled();
    expect(tab.location.href).toBe('about:blank');
  });

  it('still sets the cookie when the browser blocks the tab, so a plain link can open the dashboard', async () => {
    const gateway = new FakeGateway();
    const api = await signedInApi(gateway);
    gateway.on('POST /api/admin/queues/session', { status: 204 });

    await expect(openQueueDashboard(api, () => null)).resolves.toBe(false);
    expect(gateway.callsTo('POST /api/admin/queues/session')).toHaveLength(1);
  });
});
