/**
 * Opens the built app in Chromium through the web host with the real engine (light theme, English, 1360×900),
 * collecting page errors, and optionally goes to one place of the sidebar.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startWebHost } from '../../main/web/host';
import type { WebHost } from '../../main/web/host';

/** The web host, the browser and the page; `pageErrors` fills as the page throws. */
export interface LabPage {
  host: WebHost;
  browser: Browser;
  page: Page;
  pageErrors: string[];
}

/** Starts the host and Chromium and opens the app, then the sidebar place named `place` (e.g. "Train"). */
export async function openLab(place?: string): Promise<LabPage> {
  const rendererDir = resolve('dist/renderer');
  const engineEntry = resolve('dist/main/engine.mjs');
  if (!existsSync(resolve(rendererDir, 'index.html')) || !existsSync(engineEntry)) {
    throw new Error('Build first: `npm run build` (or run `npm run test:e2e`, which builds).');
  }
  const host = await startWebHost({ rendererDir, engineEntry, log: () => {} });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const context = await browser.newContext({
    viewport: { width: 1360, height: 900 },
    locale: 'en-US',
    colorScheme: 'light',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(host.url);
  if (place) {
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: place, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: place }).waitFor();
  }
  return { host, browser, page, pageErrors };
}
