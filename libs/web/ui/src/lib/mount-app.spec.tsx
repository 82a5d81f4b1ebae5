import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from './mount-app';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('mountApp', () => {
  it('renders the app into #root', async () => {
    document.body.innerHTML = '<div id="root"></div>';

    mountApp(<p>Hello from Melvin</p>);

    await vi.waitFor(() => expect(document.getElementById('root')?.textContent).toBe('Hello from Melvin'));
  });

  it('fails loudly when index.html has no #root', () => {
    expect(() => mountApp(<p />)).toThrow(/#root/);
  });
});
