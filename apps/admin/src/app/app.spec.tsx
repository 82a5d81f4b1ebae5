import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeGateway, sessionFor } from '../testing/fake-gateway';
import { App } from './app';

afterEach(() => {
  cleanup();
  window.location.hash = '';
  vi.unstubAllGlobals();
});

describe('App', () => {
  it('presents the status page as the operator console', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => undefined)));
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Melvin admin');
    expect(screen.getByRole('button', { name: 'Refresh' }).className).toContain('bg-slate-800');
    expect(screen.getByRole('link', { name: 'Status' }).getAttribute('aria-current')).toBe('page');
  });

  it('asks for an admin sign-in before the knowledge page, then shows it', async () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => undefined)));
    window.location.hash = '#/knowledge';
    const gateway = new FakeGateway()
      .on('POST /api/auth/login', { body: sessionFor('admin') })
      .on('GET /api/knowledge/status', { body: { releases: {}, counts: {} } })
      .on('GET /api/ingestion/runs?limit=50', { body: [] });
    render(<App api={gateway.api()} />);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Knowledge');
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'operator' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('No ingestion has run yet.')).toBeTruthy();
    expect(screen.getByText('operator')).toBeTruthy();
    expect(gateway.callsTo('GET /api/ingestion/runs?limit=50')[0].authorization).toBe('Bearer access-1');
  });

  it('keeps a non-admin account out, saying why', async () => {
    window.location.hash = '#/feedback';
    const gateway = new FakeGateway().on('POST /api/auth/login', { body: sessionFor('user') }).on('POST /api/auth/logout', { status: 204 });
    render(<App api={gateway.api()} />);

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'player' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/not an admin/);
    expect(gateway.callsTo('GET /api/admin/feedback/low-rated?limit=21')).toHaveLength(0);
  });
});
