import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitFor } from '@melvin/shared/testing';
import { launchChromium } from './support/browser';
import { ADMIN, MelvinStack } from './support/melvin-stack';

/** The admin console in Chromium against the built gateway, auth, chat and ingestion-worker. */
describe('admin console: knowledge and queues', () => {
  let stack: MelvinStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** What the browser reports going wrong: blocked scripts (CSP), failed requests, HTTP errors. */
  const problems: string[] = [];

  beforeAll(async () => {
    stack = new MelvinStack(undefined, {
      name: 'admin_console_e2e',
      backends: ['auth', 'chat', 'ingestion-worker'],
      // Chat follows new releases within a second, so the knowledge status catches up while we look.
      env: { KNOWLEDGE_RELOAD_INTERVAL_MS: '1000' },
    });
    await stack.start();
    browser = await launchChromium();
    context = await browser.newContext();
    context.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    context.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    context.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.cleanUp();
  });

  let reported = 0;
  afterEach(() => {
    // Printed, not asserted (except the dashboard's own files, below): a failing step then says what the browser saw.
    if (problems.length > reported) console.log(`the browser reported:\n${problems.slice(reported).join('\n')}`);
    reported = problems.length;
  });

  it('signs an admin in on the Knowledge page', async () => {
    await page.goto(`${stack.gatewayUrl}/admin/#/knowledge`);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Ingest now' }).waitFor({ timeout: 15_000 });
    await page.getByText('No ingestion has run yet.').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Knowledge');
  });

  it('ingests the Comprehensive Rules from "Ingest now", following the job to a succeeded run', async () => {
    await page.getByRole('checkbox', { name: 'Cards (Scryfall)' }).uncheck();
    await page.getByRole('checkbox', { name: 'Rulings (Scryfall)' }).uncheck();
    const created = page.waitForResponse((response) => response.url().endsWith('/api/ingestion/jobs') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Ingest now' }).click();
    expect((await created).request().postDataJSON()).toEqual({ kind: 'ingest-knowledge', kinds: ['rules'] });

    const progress = page.getByRole('progressbar', { name: 'Ingestion progress' });
    await progress.waitFor();
    await page.locator('[role="progressbar"][data-state="completed"]').waitFor({ timeout: 120_000 });
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    await page.getByText(/completed: rules succeeded\./).waitFor();

    const run = page.locator('[data-testid="ingestion-run"][data-kind="rules"][data-status="succeeded"]');
    await run.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('ingestion-run').count()).toBe(1);
    const cells = await run.locator('td').allTextContents();
    expect(cells[3]).toMatch(/\.txt$/); // source file
    expect(cells[4]).toMatch(/\d{4}/); // edition (the CR's effective date)
    expect(cells[5]).toMatch(/^rules \d/); // counts
    expect(cells[6]).toMatch(/\d+(\.\d)? (ms|s)|min/); // duration

    // Chat picks the new release up and the status panel shows it once refreshed.
    const rulesRelease = page.locator('[data-testid="active-release"][data-kind="rules"]');
    await waitFor('the knowledge status to show the rules release', async () => {
      await page.getByRole('button', { name: 'Refresh knowledge status' }).click();
      await page.waitForTimeout(500);
      return (await rulesRelease.textContent())?.includes('Edition:') ? true : undefined;
    }, { timeoutMs: 30_000, intervalMs: 500 });
    expect(await page.locator('[data-testid="active-release"][data-kind="cards"]').textContent()).toContain('No active release');
  });

  it('opens the BullMQ dashboard in a new tab from Queues', async () => {
    await page.getByRole('link', { name: 'Queues' }).click();
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Queue dashboard' }).click()]);
    await tab.waitForURL(/\/admin\/queues/, { timeout: 15_000 });
    await tab.waitForLoadState('domcontentloaded');
    expect(await tab.title()).toContain('Melvin queues');
    // The dashboard is a React app of its own: the queue's name appears only once its scripts have run.
    await tab.getByText('ingestion', { exact: true }).first().waitFor({ timeout: 20_000 });
    await page.getByText('The queue dashboard opened in a new tab.').waitFor();
    // Its own scripts and styles load under the gateway's CSP (only its Google Fonts stylesheet is refused).
    expect(problems.filter((problem) => problem.includes('/admin/queues'))).toEqual([]);
    await tab.close();
  });

  it('answers 401 to a request for the dashboard without the admin cookie', async () => {
    const anonymous = await fetch(`${stack.gatewayUrl}/admin/queues`, { headers: { accept: 'text/html' } });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('needs an admin session');
    const api = await fetch(`${stack.gatewayUrl}/admin/queues/api/queues`);
    expect(api.status).toBe(401);
    // A bearer token is not a way in either: the dashboard only takes its own path-scoped cookie.
    const withToken = await fetch(`${stack.gatewayUrl}/admin/queues`, { headers: { authorization: `Bearer ${await stack.signIn()}` } });
    expect(withToken.status).toBe(401);
  });
});
