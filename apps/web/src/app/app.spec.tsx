import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { App } from './app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

it('offers sign-in and shows the service status when nobody is signed in', () => {
  vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => undefined)));
  render(<App />);
  expect(screen.getByRole('heading', { name: 'Sign in to Melvin' })).toBeTruthy();
  expect(screen.getByLabelText('Username')).toBeTruthy();
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Melvin');
});
