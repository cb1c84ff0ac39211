/**
 * The objective animations in Debian's Chromium, against the built web host and the real engine. The
 * animation component is bundled with esbuild from renderer/src and mounted into the host's page (as
 * `?view=animation` would show it once the app routes there), with the page's own LabApi. Saves screenshots of
 * key frames to <tmp>/attention-lab-animation-screens/.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost } from '../../main/web/host';
import type { WebHost } from '../../main/web/host';
import { saveTinyCheckpoints } from '../main/cli/cli-checkpoints';
import { parseGif, parseWebm } from '../shared/animations/media-parsers';
import { bundleHarness } from './bundle-harness';

const rendererDir = resolve('dist/renderer');
const engineEntry = resolve('dist/main/engine.mjs');
const screens = join(tmpdir(), 'attention-lab-animation-screens');
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

/** The page's globals, typed just enough for these tests (the Node tsconfig has no DOM library). */
interface VideoElement {
  muted: boolean;
  src: string;
  videoWidth: number;
  videoHeight: number;
  duration: number;
  error: { code: number } | null;
  onloadedmetadata: (() => void) | null;
  onerror: (() => void) | null;
}
interface PageGlobals {
  mountAnimation(search: string): Promise<void>;
  attentionLab: { invoke(channel: string, input: unknown): Promise<{ modelId: string }> };
  document: {
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
    createElement(tag: 'video'): VideoElement;
  };
  URL: { createObjectURL(blob: unknown): string };
  Blob: new (parts: unknown[], options: { type: string }) => unknown;
}

/** The harness: i18n, then `window.mountAnimation(search)` renders the animation route with the page's LabApi. */
const harness = `
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n';
import { animationRoute } from './animations/animation-route';
let root = null;
window.mountAnimation = async (search) => {
  await initI18n('en');
  // A fresh root each time, so every test starts from the component's defaults.
  root?.unmount();
  document.getElementById('animation-root')?.remove();
  const element = document.createElement('div');
  element.id = 'animation-root';
  document.body.append(element);
  root = createRoot(element);
  root.render(animationRoute(search, window.attentionLab));
};
`;

describe('objective animations in Chromium', () => {
  let host: WebHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let checkpoints: Awaited<ReturnType<typeof saveTinyCheckpoints>>;
  const errors: string[] = [];

  const mount = async (search: string) => {
    await page.evaluate((s) => (globalThis as unknown as PageGlobals).mountAnimation(s), search);
    await page.getByTestId('anim-svg').waitFor();
  };
  const counter = () => page.getByTestId('anim-counter').textContent();
  /** A screenshot once the frame's fade-in has finished. */
  const screenshot = async (name: string) => {
    await page
      .getByTestId('anim-svg')
      .evaluate((element) =>
        Promise.all(
          (element as unknown as { getAnimations(): { finished: Promise<unknown> }[] })
            .getAnimations()
            .map((a) => a.finished),
        ),
      );
    await page.screenshot({ path: join(screens, name) });
  };
  const stage = () => page.getByTestId('anim-svg').getAttribute('data-stage');
  const download = async (testId: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId(testId).click(),
    ]);
    const path = join(screens, file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
  };

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(engineEntry)) {
      throw new Error('Build first: `npm run build` (or run `npm run test:e2e`, which builds).');
    }
    await rm(screens, { recursive: true, force: true });
    await mkdir(screens, { recursive: true });
    checkpoints = await saveTinyCheckpoints();
    const bundle = await bundleHarness(harness);
    host = await startWebHost({ rendererDir, engineEntry, log: () => undefined });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
    });
    // The harness is injected as an inline script, which the app's CSP rightly forbids: bypass it for the test.
    context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'en-US',
      bypassCSP: true,
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await page.getByTestId('engine-state').first().filter({ hasText: 'Ready' }).waitFor();
    await page.addStyleTag({ content: `${bundle.css}\n#root { display: none; }` });
    await page.addScriptTag({ content: bundle.js });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    if (checkpoints) await rm(checkpoints.root, { recursive: true, force: true });
  });

  it('plays BERT masking with the keyboard, a visible seed and a new draw, without a model', async () => {
    await mount('?view=animation&objective=bert');
    expect(await counter()).toBe('Frame 1 of 8');
    expect(await page.getByTestId('anim-model').textContent()).toContain('No model is open');
    await page.getByTestId('anim-svg').click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await counter()).toBe('Frame 4 of 8');
    expect(await stage()).toBe('fate');
    expect(await page.getByTestId('anim-svg').innerHTML()).toMatch(/was “(i|love|this|red|car)”|kept/);
    await screenshot('bert-fate.png');
    await page.keyboard.press('r');
    expect(await page.getByTestId('anim-seed').inputValue()).not.toBe('0');
    await page.getByTestId('anim-seed').fill('3');
    await page.getByTestId('anim-sentence').fill('');
    expect(await page.getByTestId('anim-svg').innerHTML()).toContain('Too short to corrupt');
    expect(errors).toEqual([]);
  });

  it("shows an open checkpoint's attention and guesses, and saves the frame as PNG and SVG", async () => {
    const info = await page.evaluate(
      (path) =>
        (globalThis as unknown as PageGlobals).attentionLab.invoke('model:open', {
          source: { kind: 'checkpoint', path },
        }),
      checkpoints.dirs.bert,
    );
    await mount(`?view=animation&objective=bert&model=${encodeURIComponent(info.modelId)}`);
    await page.getByTestId('anim-model').filter({ hasText: "Showing the open model's attention" }).waitFor();
    await page.getByRole('slider').fill('7');
    expect(await stage()).toBe('loss');
    const svg = await page.getByTestId('anim-svg').innerHTML();
    expect(svg).toContain('class="anim-card"');
    expect(svg).toMatch(/\d %<\/text>/);
    await page.getByRole('slider').fill('5');
    expect(await page.getByTestId('anim-svg').innerHTML()).toContain('Attention weights: last layer');
    await screenshot('bert-attention-model.png');
    const png = await download('anim-export-png');
    expect(png.name).toBe('attention-lab-bert-seed0-step6.png');
    const view = new DataView(png.bytes.buffer);
    expect([...png.bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(view.getUint32(16)).toBe(2 * 1280); // twice the frame's width
    const svgFile = await download('anim-export-svg');
    expect(new TextDecoder().decode(svgFile.bytes)).toMatch(/^<svg [^>]*width="1280"/);
  });

  it('exports GPT as a WebM that Chromium plays at the frame size, and T5 as a GIF', async () => {
    await mount('?view=animation&objective=gpt');
    const webm = await download('anim-export-webm');
    const parsed = parseWebm(webm.bytes);
    const box = await page.evaluate(() => {
      const svg = (globalThis as unknown as PageGlobals).document.querySelector(
        '[data-testid="anim-svg"] svg',
      );
      return { width: Number(svg?.getAttribute('width')), height: Number(svg?.getAttribute('height')) };
    });
    expect(parsed).toMatchObject({ codec: 'V_VP8', width: box.width, height: box.height });
    expect(parsed.blocks).toBe(8 + 7 * 4); // 8 steps, 4 cross-fade pictures between each two
    const played = await page.evaluate(async (bytes) => {
      const { document, URL, Blob } = globalThis as unknown as PageGlobals;
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'video/webm' }));
      await new Promise<void>((done, fail) => {
        video.onloadedmetadata = done;
        video.onerror = () => fail(new Error(`video error ${video.error?.code}`));
      });
      return { width: video.videoWidth, height: video.videoHeight, duration: video.duration };
    }, Array.from(webm.bytes));
    expect(played).toEqual({ width: box.width, height: box.height, duration: parsed.durationMs / 1000 });

    await mount('?view=animation&objective=t5');
    await page.getByTestId('anim-seed').fill('10');
    await page.getByTestId('anim-svg').click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await screenshot('t5-span.png');
    await page.emulateMedia({ reducedMotion: 'reduce' }); // no cross-fades: one GIF picture per step
    await page.locator('.anim-reduced').waitFor();
    const gif = parseGif((await download('anim-export-gif')).bytes);
    const total = Number((await counter())?.match(/of (\d+)/)?.[1]);
    expect(gif).toMatchObject({ width: 1280, frames: total, loops: true });
    expect(errors).toEqual([]);
  });
});
