/**
 * The prompting panel in Debian's Chromium, against the built web host and the real engine with the built-in
 * gpt-tiny. The panel is bundled with esbuild from renderer/src and mounted into the host's page with the page's
 * own LabApi (as tests/e2e/animations.test.ts does). Saves test-results/screens/prompting-few-shot.png.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost } from '../../main/web/host';
import type { WebHost } from '../../main/web/host';
import { screenshotPath } from './screenshots';
import { bundleHarness } from './bundle-harness';

const rendererDir = resolve('dist/renderer');
const engineEntry = resolve('dist/main/engine.mjs');
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

/** The harness: i18n, then `window.mountPrompting()` renders the panel with the page's LabApi. */
const harness = `
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n';
import { PromptingPanel } from './prompting/prompting-panel';
window.mountPrompting = async () => {
  await initI18n('en');
  const element = document.createElement('div');
  element.style.maxWidth = '900px';
  element.style.margin = '24px';
  document.body.append(element);
  createRoot(element).render(<PromptingPanel api={window.attentionLab} />);
};
`;

describe('prompting panel in Chromium', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(engineEntry)) {
      throw new Error('Build first: `npm run build` (or run `npm run test:e2e`, which builds).');
    }
    const bundle = await bundleHarness(harness);
    host = await startWebHost({ rendererDir, engineEntry, log: () => undefined });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
    });
    // The harness is injected as an inline script, which the app's CSP rightly forbids: bypass it for the test.
    const context = await browser.newContext({ viewport: { width: 1000, height: 1300 }, bypassCSP: true });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await page.getByTestId('engine-state').first().filter({ hasText: 'Ready' }).waitFor();
    await page.addStyleTag({ content: `${bundle.css}\n#root { display: none; }` });
    await page.addScriptTag({ content: bundle.js });
    await page.evaluate(() =>
      (globalThis as unknown as { mountPrompting(): Promise<void> }).mountPrompting(),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('lays out zero-, one- and few-shot prompts as the figure does', async () => {
    const assembled = () => page.getByTestId('prompting-assembled').textContent();
    await page.getByTestId('prompting-shot-zero').click();
    expect(await assembled()).toBe('Name the day after each day:\nthursday --');
    expect(await page.getByTestId('prompting-examples').count()).toBe(0);
    await page.getByTestId('prompting-shot-one').click();
    expect(await assembled()).toBe('Name the day after each day:\nmonday -- tuesday\nthursday --');
    await page.getByTestId('prompting-examples').fill('monday -- tuesday\noops');
    expect(await page.getByTestId('prompting-error').textContent()).toMatch(/line 2/);
    expect(await page.getByTestId('prompting-generate').isDisabled()).toBe(true);
    await page
      .getByTestId('prompting-examples')
      .fill('monday -- tuesday\ntuesday -- wednesday\nwednesday -- thursday');
    await page.getByTestId('prompting-shot-few').click();
    expect((await assembled())?.split('\n')).toHaveLength(5);
  });

  it('generates with gpt-tiny and colours one attention chip per prompt token', async () => {
    await page.getByTestId('prompting-model').filter({ hasText: 'no parameter is updated' }).waitFor();
    await page.getByTestId('prompting-max-tokens').fill('5');
    await page.getByTestId('prompting-generate').click();
    await page.getByTestId('prompting-continuation').waitFor();
    const tokens = page.getByTestId('prompting-token');
    expect(await tokens.count()).toBeGreaterThan(0);
    expect(await tokens.count()).toBeLessThanOrEqual(5);
    expect(await page.locator('.prompting-token-chosen').count()).toBe(1);

    // An independent count of the prompt's tokens: the engine's own attention:compute over the same text.
    const text = (await page.getByTestId('prompting-assembled').textContent()) ?? '';
    const reference = await page.evaluate(async (prompt) => {
      const api = (
        globalThis as unknown as { attentionLab: { invoke(c: string, i: unknown): Promise<unknown> } }
      ).attentionLab;
      const info = (await api.invoke('model:open', { source: { kind: 'builtin', id: 'gpt-tiny' } })) as {
        modelId: string;
      };
      const result = (await api.invoke('attention:compute', { modelId: info.modelId, text: prompt })) as {
        tokens: { input: string[] };
      };
      return result.tokens.input;
    }, text);
    const chips = page.getByTestId('prompting-attn-chip');
    expect(await chips.allTextContents()).toEqual(reference);
    expect(reference.length).toBeGreaterThan(15); // <bos>, the task, three examples and the prompt
    expect(reference).not.toContain('[UNK]'); // the separator "--" and the days are Brown words

    // The newest token's row: weights over the prompt and earlier generated tokens sum to 1 (causal softmax).
    const weights = [
      ...(await chips.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-weight'))))),
      ...(await page
        .getByTestId('prompting-attn-generated')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-weight'))))),
    ];
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    const colours = new Set(await chips.evaluateAll((els) => els.map((el) => el.getAttribute('style'))));
    expect(colours.size).toBeGreaterThan(2);

    await chips.nth(1).focus();
    expect(await page.getByTestId('prompting-weight').textContent()).toMatch(/^“.+”: weight 0\.\d{4}$/);
    await page.screenshot({ path: screenshotPath('prompting-few-shot.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
