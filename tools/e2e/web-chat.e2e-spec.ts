import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { testEnvironment, waitFor } from '@melvin/shared/testing';
import { ApiClient } from './support/api-client';
import { launchChromium } from './support/browser';
import { MelvinStack } from './support/melvin-stack';

const NAME = 'web_chat_e2e';
const USER = { username: 'web_reader', password: 'Stack-Tr1cks!' };

/** The web app for a signed-in user, driven in Chromium against the built services. */
describe('web app: conversations and cards in a browser', () => {
  let stack: MelvinStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = new MelvinStack(undefined, {
      name: NAME,
      backends: ['auth', 'chat'],
      env: { RATE_LIMIT_MAX: '5000', AUTH_RATE_LIMIT_MAX: '1000', KNOWLEDGE_RELOAD_INTERVAL_MS: '1000' },
    });
    await stack.start();
    await stack.cli(['migrate']);
    // The stack starts with no knowledge: load the small card fixture, as an operator would.
    const data = resolve(__dirname, '..', '..', testEnvironment().MELVIN_DATA_DIR);
    await stack.cli(['ingest', '--cr', `${data}/cr/MagicCompRules 20260417.txt`, '--oracle', `${data}/scryfall/oracle-cards-combo-pieces.json.gz`]);

    const api = new ApiClient(stack.gatewayUrl);
    const adminToken = await stack.signIn();
    await api.activeUser(USER.username, USER.password, adminToken);
    await waitFor(
      'chat to load the ingested cards',
      async () => {
        const status = await api.get<{ counts?: { cards?: number } }>('/api/knowledge/status', adminToken);
        return (status.body.counts?.cards ?? 0) > 0 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    browser = await launchChromium();
    page = await browser.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.cleanUp();
  });

  it('signs in as a freshly approved user', async () => {
    await page.goto(stack.gatewayUrl);
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByTestId('signed-in-as').filter({ hasText: USER.username }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('link', { name: 'Conversations' }).getAttribute('aria-current')).toBe('page');
  });

  it('creates a conversation, then renames it in the list', async () => {
    await page.getByRole('button', { name: 'New conversation' }).first().click();
    await page.waitForURL(/\/c\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await page.getByLabel('Your question').waitFor();
    const items = page.getByTestId('conversation-item');
    expect(await items.count()).toBe(1);

    await items.first().getByRole('button', { name: 'Rename' }).click();
    const title = items.first().getByLabel('New title');
    await title.fill('Twin combo questions');
    await title.press('Enter');

    await items.first().getByTestId('conversation-title').filter({ hasText: 'Twin combo questions' }).waitFor({ timeout: 10_000 });
    // The rename is stored, not only shown: a reload still lists the new title.
    await page.reload();
    await page.getByTestId('conversation-title').filter({ hasText: 'Twin combo questions' }).waitFor({ timeout: 15_000 });
  });

  it('keeps a typed question across a reload', async () => {
    await page.getByLabel('Your question').fill('Does Pestermite untap a land?');
    await page.reload();
    expect(await page.getByLabel('Your question').inputValue()).toBe('Does Pestermite untap a land?');
  });

  it('looks a card up on the cards page, with suggestions while typing', async () => {
    await page.getByRole('link', { name: 'Cards' }).click();
    await page.waitForURL(/\/cards$/);
    const name = page.getByRole('combobox', { name: 'Card name' });
    await name.fill('Pesterm');
    await page.getByRole('option', { name: 'Pestermite' }).waitFor({ timeout: 10_000 });
    await page.getByRole('option', { name: 'Pestermite' }).click();

    const result = page.getByTestId('lookup-result');
    await result.getByRole('heading', { name: 'Pestermite' }).waitFor({ timeout: 10_000 });
    expect(await result.textContent()).toMatch(/untap target permanent/i);
  });

  it('offers "did you mean" for a misspelt name and marks the bad token of a malformed search', async () => {
    const name = page.getByRole('combobox', { name: 'Card name' });
    await name.fill('Pestermit');
    await page.getByRole('button', { name: 'Look up' }).click();
    const result = page.getByTestId('lookup-result');
    await result.waitFor({ timeout: 10_000 });
    const text = await result.textContent();
    // Either the fuzzy match finds the card or it offers it as a suggestion.
    expect(text).toContain('Pestermite');

    await page.getByLabel('Query').fill('t:creature frobnicate:3');
    await page.getByRole('button', { name: 'Search' }).click();
    const problem = page.getByTestId('query-problem');
    await problem.waitFor({ timeout: 10_000 });
    expect(await problem.locator('mark').allTextContents()).toEqual(['frobnicate']);
    expect(await problem.textContent()).toBe('t:creature frobnicate:3');
  });
});
