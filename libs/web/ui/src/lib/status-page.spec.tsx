import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ServiceHealth, SystemHealth } from '@melvin/shared/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusPage, type StatusPageProps } from './status-page';

function upService(service: ServiceHealth['service'], version = '1.2.3'): ServiceHealth {
  return {
    service,
    status: 'up',
    report: {
      service,
      status: 'up',
      version,
      uptimeSeconds: 3_725,
      dependencies: [{ name: 'redis', status: 'up', latencyMs: 2 }],
    },
  };
}

const allUp: SystemHealth = {
  status: 'up',
  checkedAt: '2025-01-01T12:00:00.000Z',
  services: [upService('gateway'), upService('auth'), upService('chat'), upService('loop-analysis'), upService('ingestion-worker')],
};

const chatDown: SystemHealth = {
  ...allUp,
  status: 'down',
  services: allUp.services.map((entry) =>
    entry.service === 'chat'
      ? {
          service: 'chat',
          status: 'down',
          report: {
            service: 'chat',
            status: 'down',
            version: '1.2.3',
            uptimeSeconds: 42,
            dependencies: [{ name: 'ollama', status: 'down', latencyMs: 1_500, error: 'connect ECONNREFUSED' }],
          },
        }
      : entry,
  ),
};

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  cleanup();
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

function renderPage(props: Partial<StatusPageProps> = {}) {
  return render(<StatusPage title="Melvin" subtitle="Service status" {...props} />);
}

function rows(): HTMLElement[] {
  return screen.getAllByTestId('service-row');
}

function row(service: string): HTMLElement {
  const match = rows().find((element) => element.dataset['service'] === service);
  if (!match) throw new Error(`No row for ${service}`);
  return match;
}

describe('StatusPage', () => {
  it('shows a loading message until the first report arrives', async () => {
    fetchMock.mockResolvedValue(jsonResponse(allUp));
    renderPage();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Melvin');
    expect(screen.getByRole('button', { name: 'Refresh' }).className).toContain('bg-indigo-600');
    expect(screen.getByRole('status').textContent).toMatch(/checking/i);
    await screen.findByTestId('overall-status');
    expect(fetchMock).toHaveBeenCalledWith('/api/health', expect.anything());
  });

  it('shows the title and subtitle it is given, with the Refresh button in the chosen accent', async () => {
    fetchMock.mockResolvedValue(jsonResponse(allUp));
    renderPage({ title: 'Melvin admin', subtitle: 'Operator console', accent: 'slate' });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Melvin admin');
    expect(screen.getByText('Operator console')).toBeTruthy();
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    expect(refresh.className).toContain('bg-slate-800');
    expect(refresh.className).not.toContain('bg-indigo-600');
    await screen.findByTestId('overall-status');
  });

  it('lists every service with its status, version, uptime and dependencies', async () => {
    fetchMock.mockResolvedValue(jsonResponse(allUp));
    renderPage();

    expect((await screen.findByTestId('overall-status')).textContent).toBe('up');
    expect(rows().map((element) => element.dataset['service'])).toEqual([
      'gateway',
      'auth',
      'chat',
      'loop-analysis',
      'ingestion-worker',
    ]);
    for (const element of rows()) {
      expect(element.dataset['status']).toBe('up');
      const cells = within(element);
      expect(cells.getAllByText('up').length).toBeGreaterThan(0);
      expect(cells.getByText('1.2.3')).toBeTruthy();
      expect(cells.getByText('1h 2m')).toBeTruthy();
      expect(cells.getByText('redis')).toBeTruthy();
    }
  });

  it('reports the system as down, and why, when one service is down', async () => {
    fetchMock.mockResolvedValue(jsonResponse(chatDown, 503));
    renderPage();

    expect((await screen.findByTestId('overall-status')).textContent).toBe('down');
    expect(screen.queryByRole('alert')).toBeNull();
    const chat = row('chat');
    expect(chat.dataset['status']).toBe('down');
    expect(within(chat).getByText('ollama')).toBeTruthy();
    expect(within(chat).getByText('connect ECONNREFUSED')).toBeTruthy();
    expect(row('auth').dataset['status']).toBe('up');
  });

  it('shows an unreachable service and its error even without a report', async () => {
    const body: SystemHealth = {
      ...allUp,
      status: 'unreachable',
      services: [upService('gateway'), { service: 'auth', status: 'unreachable', error: 'timed out after 2000 ms' }],
    };
    fetchMock.mockResolvedValue(jsonResponse(body, 503));
    renderPage();

    expect((await screen.findByTestId('overall-status')).textContent).toBe('unreachable');
    const auth = row('auth');
    expect(auth.dataset['status']).toBe('unreachable');
    expect(within(auth).getByText('unreachable')).toBeTruthy();
    expect(within(auth).getByText('timed out after 2000 ms')).toBeTruthy();
  });

  it('explains when the gateway cannot be reached', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderPage();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not reach the melvin gateway/i);
    expect(alert.textContent).toContain('Failed to fetch');
    expect(screen.queryAllByTestId('service-row')).toHaveLength(0);
  });

  it('explains when the answer is not JSON', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 }));
    renderPage();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/HTTP 502 .*not JSON/);
  });

  it('fetches again when Refresh is pressed', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(allUp)).mockResolvedValue(jsonResponse(chatDown, 503));
    renderPage();
    expect((await screen.findByTestId('overall-status')).textContent).toBe('up');

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    await waitFor(() => expect(screen.getByTestId('overall-status').textContent).toBe('down'));
    expect(row('chat').dataset['status']).toBe('down');
  });

  it('keeps the last report on screen when a later refresh fails', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(allUp)).mockRejectedValue(new TypeError('Failed to fetch'));
    renderPage();
    await screen.findByTestId('overall-status');

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/last report/i);
    expect(rows()).toHaveLength(5);
  });
});
