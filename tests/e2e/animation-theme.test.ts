/**
 * The animation follows the page's theme (dark OS theme → dark frame; high-contrast presenting → black frame),
 * while its exports stay light.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { openLab } from './lab-page';

describe('animation themes (e2e)', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await openLab('Encoder'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('draws the Encoder page animation dark in the dark theme, and still exports a light SVG', async () => {
    const frame = page.getByTestId('anim-svg');
    await frame.waitFor();
    expect(await frame.innerHTML()).toContain('fill="#ffffff"'); // the light page: a white frame
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('.anim-stage.anim-theme-dark').waitFor();
    const dark = await frame.innerHTML();
    expect(dark).toContain('fill="#15181d"');
    expect(dark).not.toContain('fill="#1f2328"'); // no light-theme text left on the dark ground
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('anim-export-svg').click(),
    ]);
    const path = await download.path();
    const exported = await readFile(path, 'utf8');
    expect(exported).toMatch(/<rect [^>]*fill="#ffffff"/);
    expect(exported).not.toContain('#15181d');
    await page.emulateMedia({ colorScheme: 'light' });
  }, 60_000);

  it('draws an animation step on black when presenting in high contrast', async () => {
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Walkthrough', exact: true })
      .first()
      .click();
    await page.getByTestId('walkthrough-present').click();
    await page.getByTestId('presenter-contrast').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('2'); // step 2: the BERT animation
    await page.locator('.anim-stage.anim-theme-contrast').waitFor();
    expect(await page.getByTestId('anim-svg').innerHTML()).toContain('fill="#000000"');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
