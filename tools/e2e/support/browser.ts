import { chromium, type Browser } from 'playwright-core';
import { testEnvironment } from '@melvin/shared/testing';

/** Debian's Chromium, headless, with its background traffic off (the network here is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: testEnvironment().CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
