/**
 * The words inside attention figures follow the UI language: switched to Bahasa Indonesia, the T5 triptych's
 * title, panel titles and legend on the canvas, the lines view's labels and the exported SVG's caption are
 * Indonesian; switched back, English. Saves test-results/screens/views-id-*.png.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { screenshotPath } from './screenshots';
import { chooseView, figureGeometry, openPlace, parseSvgInPage, saveViewScreenshot } from './views-page';
import { launchViews } from './views-setup';

/** Switches the UI language with the sidebar's buttons (the group is named in the current language). */
async function switchLanguage(page: Page, name: 'English' | 'Bahasa Indonesia'): Promise<void> {
  await page
    .getByRole('group', { name: /^(Language|Bahasa)$/ })
    .getByRole('button', { name })
    .click();
}

/** Switches the view by its name in the current language. */
async function chooseViewIn(page: Page, name: string): Promise<void> {
  await page
    .getByRole('group', { name: /^(View|Tampilan)$/ })
    .getByRole('button', { name, exact: true })
    .click();
}

/** Downloads the view's SVG export (the snapshot group is named in the current language). */
async function downloadSvg(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('group', { name: /^(Snapshot|Cuplikan)$/ })
      .first()
      .getByRole('button', { name: 'SVG', exact: true })
      .click(),
  ]);
  return readFile(await file.path(), 'utf8');
}

describe('attention views in the UI language', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await launchViews());
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('draws and exports the triptych and the lines view in Bahasa Indonesia, then English again', async () => {
    await openPlace(page, 'Encoder–Decoder');
    await chooseView(page, 'Triptych');
    await figureGeometry(page, (g) => g.panels.length === 3);
    await switchLanguage(page, 'Bahasa Indonesia');
    const canvas = page.getByTestId('attention-figure').locator('canvas').first();
    await expect.poll(() => canvas.getAttribute('aria-label')).toMatch(/^Perhatian T5 — lapisan 0, /);
    await saveViewScreenshot(page, screenshotPath('views-id-triptych.png'));

    const svg = await downloadSvg(page);
    const parsed = await parseSvgInPage(page, svg);
    expect(parsed.hasError).toBe(false);
    for (const fact of ['Model: T5 (encoder–decoder)', 'Lapisan: 0', 'Teks: “', 'Target: “']) {
      expect(parsed.caption).toContain(fact);
    }
    expect(parsed.caption).toMatch(/Tanggal: \d{4}-\d{2}-\d{2}/);
    for (const words of ['self-attention decoder (kausal)', 'input (kunci)', 'bobot perhatian']) {
      expect(svg).toContain(words);
    }
    expect(svg).not.toMatch(/Layer:|Text:|Date:|attention weight|\(causal\)|\(keys\)/);

    await chooseViewIn(page, 'Garis');
    const lines = page.getByTestId('attention-figure').locator('svg');
    await expect
      .poll(() => lines.locator('text').allTextContents())
      .toEqual(expect.arrayContaining(['kueri', 'kunci', 'head 0']));
    expect(await page.getByTestId('attention-figure').locator('legend').textContent()).toBe('Head');
    await saveViewScreenshot(page, screenshotPath('views-id-lines.png'));

    await chooseViewIn(page, 'Triptik');
    await switchLanguage(page, 'English');
    await expect.poll(() => canvas.getAttribute('aria-label')).toMatch(/^T5 attention — layer 0, /);
    const english = await downloadSvg(page);
    expect((await parseSvgInPage(page, english)).caption).toContain('Layer: 0');
    expect(english).toContain('decoder self-attention (causal)');
  });
});
