import { render, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { App } from './app';

it('presents the status page as the operator console', () => {
  vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => undefined)));
  render(<App />);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Melvin admin');
  expect(screen.getByRole('button', { name: 'Refresh' }).className).toContain('bg-slate-800');
});
