/**
 * End to end in a real browser: the built web host and engine, Debian's Chromium through playwright-core. Run
 * after `npm run build` (`npm run test:e2e` builds first). Saves the README's screenshot to
 * test-results/screens/first-screen.png (docs/images/ with UPDATE_DOC_IMAGES=1).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost } from '../../main/web/host';
import { screenshotPath } from './screenshots';
import type { WebHost } from '../../main/web/host';

const rendererDir = resolve('dist/renderer');
const engineEntry = resolve('dist/main/engine.mjs');
const firstScreenPath = screenshotPath('first-screen.png');

/** The flags that keep headless Chromium quiet and offline in CI containers. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

type PageApi = { invoke(channel: string, input: unknown): Promise<unknown> };

/** The page's globals, typed just enough for these tests (the Node tsconfig has no DOM library). */
interface PageGlobals {
  attentionLab: PageApi;
  document: { documentElement: { lang: string }; body: object; fonts: { ready: Promise<unknown> } };
  getComputedStyle(element: object): { backgroundColor: string };
}

describe('web host in Chromium', () => {
  let host: WebHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const hostLog: string[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve(rendererDir, 'index.html')) || !existsSync(engineEntry)) {
      throw new Error('Build first: `npm run build` (or run `npm run test:e2e`, which builds).');
    }
    host = await startWebHost({ rendererDir, engineEntry, log: (line) => hostLog.push(line) });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
    });
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      colorScheme: 'light',
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('shows the first screen with the backend the engine really chose', async () => {
    await page.goto(host.url);
    await page.getByRole('heading', { level: 1, name: 'Attention Lab' }).waitFor();
    await page.getByTestId('engine-state').first().filter({ hasText: 'Ready' }).waitFor();
    const backend = host.status().backend;
    expect(backend).not.toBeNull();
    const shown = await page.locator('.engine-card').getByTestId('engine-backend').textContent();
    expect(shown).toContain(backend);
    // Every backend tried is listed with its package, including the ones that did not load.
    for (const attempt of host.status().attempts) {
      await page.locator('.attempts').getByText(attempt.source, { exact: true }).waitFor();
    }
    const navigation = page.getByRole('navigation', { name: 'Views' });
    for (const name of [
      'Overview',
      'Encoder',
      'Encoder–Decoder',
      'Decoder',
      'Train',
      'Scaling',
      'Walkthrough',
    ]) {
      await navigation.getByRole('button', { name, exact: true }).waitFor();
    }
  });

  it('loads its styles and scripts under the strict CSP, without errors', async () => {
    const sidebar = await page
      .locator('.sidebar')
      .evaluate(
        (element) => (globalThis as unknown as PageGlobals).getComputedStyle(element).backgroundColor,
      );
    expect(sidebar).toBe('rgb(238, 241, 245)'); // the light theme's --sidebar: the stylesheet was allowed
    expect(consoleErrors).toEqual([]);
  });

  it('saves the first screen at 1280×800 for the README', async () => {
    await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).document.fonts.ready.then(() => undefined),
    );
    const png = await page.screenshot({ path: firstScreenPath });
    // A PNG's IHDR holds its size: the README's picture is exactly 1280×800.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
  });

  it('opens a place with its description from the chapter', async () => {
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Decoder', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Decoder' }).waitFor();
    await page.getByText('the target is the input shifted by one token').waitFor();
    await page.getByRole('button', { name: 'Overview', exact: true }).click();
  });

  it('switches to Bahasa Indonesia at once, and remembers it', async () => {
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    const navigation = page.getByRole('navigation', { name: 'Tampilan' });
    await navigation.getByRole('button', { name: 'Pelatihan', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Mesin' }).waitFor();
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang),
    ).toBe('id');
    await page.reload();
    await page.getByRole('button', { name: 'Penskalaan', exact: true }).waitFor();
  });

  it('shows a malformed request as a typed, translated error and keeps working', async () => {
    await page.getByTestId('engine-state').first().filter({ hasText: 'Siap' }).waitFor();
    await page.evaluate(() => {
      const api = (globalThis as unknown as PageGlobals).attentionLab;
      void api.invoke('engine:ping', { nonce: 42 }); // a number where the contract wants a string
    });
    const notice = page.getByRole('alert').filter({ hasText: 'Permintaan tidak dipahami' });
    await notice.waitFor();
    await notice.getByText('Detail').click();
    await notice.getByText('invalid-payload', { exact: true }).waitFor();
    expect(await notice.locator('.notice-message').textContent()).toContain('nonce');
    expect(hostLog.some((line) => line.includes('engine:ping failed (invalid-payload)'))).toBe(true);

    const answer = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).attentionLab.invoke('engine:ping', {
        nonce: 'ok',
      }),
    );
    expect(answer).toMatchObject({ nonce: 'ok' });
    await notice.getByRole('button', { name: 'Tutup' }).click();
    await notice.waitFor({ state: 'detached' });
  });

  it('refuses an oversized request in the page with a typed error, before sending it', async () => {
    const code = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).attentionLab
        .invoke('engine:ping', { nonce: 'x'.repeat(9 * 1024 * 1024) })
        .then(
          () => 'resolved',
          (error: { code?: string }) => error.code,
        ),
    );
    expect(code).toBe('payload-too-large');
  });

  it('shows a crashed engine restarting, then ready again', async () => {
    const ping = (await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).attentionLab.invoke('engine:ping', {
        nonce: 'pid',
      }),
    )) as { pid: number };
    process.kill(ping.pid, 'SIGKILL');
    const card = page.locator('.engine-card');
    await card.getByText('restarting it (restart 1)').waitFor(); // the supervisor's message, shown as it is
    await card.getByTestId('engine-state').filter({ hasText: 'Siap' }).waitFor();
    expect(
      await card.locator('.facts div').filter({ hasText: 'Mulai ulang' }).locator('dd').textContent(),
    ).toBe('1');
  });

  it('follows a dark system theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      return page.getComputedStyle(page.document.body).backgroundColor;
    });
    expect(background).toBe('rgb(17, 20, 25)');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('tells the user when the web host goes away', async () => {
    await host.close();
    await page.getByText('Koneksi ke web host terputus. Menyambung ulang…').waitFor();
  });
});
