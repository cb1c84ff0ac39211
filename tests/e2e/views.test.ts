/**
 * The attention views end to end: Debian's Chromium against the built web host, the real engine and the
 * shipped checkpoints (assets/checkpoints). Figures are checked by the pixels of real screenshots against the
 * engine's own numbers; exports are downloaded and decoded; the headless `attention-lab snapshot` must give
 * the same pixel size as the app. Saves screenshots as views-*.png (see screenshots.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { colormapLut, lutIndex, maskAllowedLevel } from '../../shared/charts/color';
import { colourCount, decodePng, pixelAt } from './png-decode';
import { screenshotPath } from './screenshots';
import type { FigureGeometry, PanelGeometry } from './views-page';
import { cancelTraining, cliSnapshot, launchViews, startTraining, trainedSteps } from './views-setup';
import {
  canvasPixels,
  cellSample,
  chooseView,
  countRuns,
  download,
  engineAttention,
  expectEventually,
  figureGeometry,
  openPlace,
  parseSvgInPage,
  saveViewScreenshot,
} from './views-page';

const sentence = 'I love this red car';
const target = '<X> love <Y> red car <Z>';
const masked = new Set(['212,212,212', '176,176,176']); // the light theme's masked fill and hatch
const lut = colormapLut('viridis');
const lutRgb = (index: number) => `${lut[index * 3]},${lut[index * 3 + 1]},${lut[index * 3 + 2]}`;

const firstPanel = (geometry: FigureGeometry): PanelGeometry => {
  const panel = geometry.panels[0];
  if (!panel) throw new Error('the figure has no panel');
  return panel;
};

describe('attention views in Chromium', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;
  let scratch: string;
  const pageErrors: string[] = [];
  const appPngs = new Map<string, { width: number; height: number }>();

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'lab-views-'));
    ({ host, browser, page } = await launchViews());
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('GPT head view: cells above the diagonal are masked grey, the others show the engine’s weight', async () => {
    await openPlace(page, 'Decoder');
    const geometry = await figureGeometry(page);
    const panel = firstPanel(geometry);
    const answer = await engineAttention(page, 'gpt-tiny', sentence);
    const stack = answer.attention.decoder;
    expect(stack).toBeDefined();
    expect(panel.rows).toBe(answer.tokens.input.length); // <bos> and the five words
    const image = await canvasPixels(page);
    for (let row = 0; row < panel.rows; row++) {
      for (let col = 0; col < panel.cols; col++) {
        const colours = cellSample(image, panel, row, col);
        const weight = stack?.values[row * panel.cols + col] ?? NaN; // layer 0, head 0
        if (col > row)
          expect(
            colours.every((c) => masked.has(c)),
            `${row},${col}`,
          ).toBe(true);
        else expect(colours, `${row},${col}`).toEqual([lutRgb(lutIndex(weight, [0, 1]))]);
      }
    }
    await saveViewScreenshot(page, screenshotPath('views-head.png'));
  });

  it('GPT mask view: the causal triangle, masked cells hatched and allowed ones in one colour; padding shown', async () => {
    await chooseView(page, 'Mask');
    const allowed = lutRgb(lutIndex(Math.fround(maskAllowedLevel), [0, 1])); // mask cells are Float32
    let image = await canvasPixels(page);
    let panel = firstPanel(await figureGeometry(page));
    for (let row = 0; row < panel.rows; row++) {
      for (let col = 0; col < panel.cols; col++) {
        const colours = cellSample(image, panel, row, col);
        if (col > row)
          expect(
            colours.every((c) => masked.has(c)),
            `${row},${col}`,
          ).toBe(true);
        else expect(colours, `${row},${col}`).toEqual([allowed]);
      }
    }
    await page.getByTestId('padding-picker').selectOption('2');
    panel = firstPanel(await figureGeometry(page, (g) => firstPanel(g).rows === 8));
    image = await canvasPixels(page);
    // Padding keys (the last two columns) are masked for every query, on the diagonal too.
    for (let row = 0; row < 8; row++) {
      expect(
        cellSample(image, panel, row, 7).every((c) => masked.has(c)),
        `pad ${row}`,
      ).toBe(true);
      expect(cellSample(image, panel, row, 0), `first ${row}`).toEqual([allowed]);
    }
    await saveViewScreenshot(page, screenshotPath('views-mask.png'));
    await page.getByTestId('padding-picker').selectOption('0');
  });

  it('exports PNG at 1×, 2× and 4× with the figure’s size, an SVG with its caption, and the numbers', async () => {
    await chooseView(page, 'Head');
    const svg = await download(page, 'SVG');
    expect(svg.name).toBe('gpt-tiny-head-decoder-L0-H0.svg');
    const text = svg.bytes.toString('utf8');
    const parsed = await parseSvgInPage(page, text);
    expect(parsed.hasError).toBe(false);
    for (const fact of [
      'Model: GPT (decoder-only)',
      'Checkpoint: gpt-tiny',
      'Layer: 0',
      'Head: 0',
      `Text: “${sentence}”`,
    ]) {
      expect(parsed.caption).toContain(fact);
    }
    expect(parsed.caption).toMatch(/Date: \d{4}-\d{2}-\d{2}/);
    const { width, height } = parsed;
    for (const scale of [1, 2, 4]) {
      const png = await download(page, `PNG ${scale}×`);
      const image = decodePng(png.bytes);
      expect([image.width, image.height]).toEqual([width * scale, height * scale]);
      expect(colourCount(image)).toBeGreaterThan(50); // not blank: the scale, the cells, text
      appPngs.set(`head-${scale}`, { width: image.width, height: image.height });
    }
    const numbers = JSON.parse((await download(page, 'Numbers (JSON)')).bytes.toString('utf8')) as {
      keys: string[];
      weights: number[][];
      mask: number[][];
    };
    expect(numbers.keys).toEqual(['<bos>', 'i', 'love', 'this', 'red', 'car']);
    expect(numbers.weights[0]?.slice(1).every((w) => w === 0)).toBe(true); // <bos> sees only itself
    expect(numbers.mask[2]).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('copies a PNG to the clipboard (navigator.clipboard in the browser)', async () => {
    await page
      .getByRole('group', { name: 'Snapshot' })
      .getByRole('button', { name: 'Copy', exact: true })
      .click();
    await page.getByTestId('snapshot-status').filter({ hasText: 'Copied' }).waitFor();
    const types = await page.evaluate(async () => {
      const items = await (
        globalThis as unknown as { navigator: { clipboard: { read(): Promise<{ types: string[] }[]> } } }
      ).navigator.clipboard.read();
      return items.flatMap((item) => item.types);
    });
    expect(types).toContain('image/png');
  });

  it('T5 cross view: as many rows as target tokens and columns as input tokens, counted in the pixels', async () => {
    await openPlace(page, 'Encoder–Decoder');
    const answer = await engineAttention(page, 't5-tiny', sentence, target);
    const panel = firstPanel(await figureGeometry(page));
    const image = await canvasPixels(page);
    // A cell pixel has a colour of the scale; gaps are background, the outline is the (antialiased) gridline.
    const scale = new Set(Array.from({ length: 256 }, (_, i) => lutRgb(i)));
    const isCell = (rgb: readonly number[]) => scale.has(rgb.join(','));
    const x = Math.floor(panel.x + panel.gap / 2 + 3);
    const y = Math.floor(panel.y + panel.gap / 2 + 3);
    const column = Array.from({ length: Math.ceil(panel.height) + 8 }, (_, i) =>
      pixelAt(image, x, panel.y - 4 + i),
    );
    const row = Array.from({ length: Math.ceil(panel.width) + 8 }, (_, i) =>
      pixelAt(image, panel.x - 4 + i, y),
    );
    expect(countRuns(column, isCell)).toBe(answer.tokens.target?.length);
    expect(countRuns(row, isCell)).toBe(answer.tokens.input.length);
    expect([answer.tokens.target?.length, answer.tokens.input.length]).toEqual([7, 5]);
  });

  it('T5 triptych and mask views, and the headless snapshot gives the app’s pixel size', async () => {
    await chooseView(page, 'Triptych');
    const triptych = await figureGeometry(page, (g) => g.panels.length === 3);
    expect(triptych.panels.map((p) => [p.rows, p.cols])).toEqual([
      [5, 5],
      [7, 5],
      [7, 7],
    ]);
    await saveViewScreenshot(page, screenshotPath('views-triptych.png'));
    const app = decodePng((await download(page, 'PNG 1×')).bytes);
    const cli = (args: string[], out: string) =>
      cliSnapshot([...args, '--text', sentence, '--out', join(scratch, out)]);
    const [gptHead, t5Triptych] = await Promise.all([
      cli(['--checkpoint', 'assets/checkpoints/gpt-tiny', '--view', 'head', '--scale', '2'], 'head.png'),
      cli(
        [
          '--checkpoint',
          'assets/checkpoints/t5-tiny',
          '--view',
          'triptych',
          '--target',
          target,
          '--scale',
          '1',
        ],
        'triptych.png',
      ),
    ]);
    expect(gptHead).toMatchObject(appPngs.get('head-2') ?? {});
    expect(t5Triptych).toMatchObject({ width: app.width, height: app.height });
    await chooseView(page, 'Mask');
    expect(
      (await figureGeometry(page, (g) => g.panels.length === 3)).panels.map((p) => [p.rows, p.cols]),
    ).toEqual([
      [5, 5],
      [7, 5],
      [7, 7],
    ]);
  });

  it('BERT overview: a click on a head opens it; lines view with head filters; large type', async () => {
    await openPlace(page, 'Encoder');
    await chooseView(page, 'All heads');
    const grid = await figureGeometry(page, (g) => g.panels.length === 12); // 2 layers × (4 heads, average, rollout)
    await saveViewScreenshot(page, screenshotPath('views-overview.png'));
    const target = grid.panels[6 + 2]; // layer 1, head 2
    const canvas = await page.getByTestId('attention-figure').locator('canvas').boundingBox();
    if (!target || !canvas) throw new Error('no panel to click');
    await page.mouse.click(canvas.x + target.x + target.width / 2, canvas.y + target.y + target.height / 2);
    await expectEventually(async () => (await page.getByTestId('head-picker').inputValue()) === '2');
    expect(await page.getByTestId('layer-picker').inputValue()).toBe('1');
    await page.getByRole('checkbox', { name: 'Large type' }).check();
    const large = await figureGeometry(page, (g) => g.zoom > 1);
    const box = await page.getByTestId('attention-figure').locator('canvas').boundingBox();
    expect(box?.width).toBeCloseTo(large.width * large.zoom, 0); // sharp: redrawn at the zoom, not stretched
    expect(large.zoom).toBeLessThanOrEqual(1.5);
    await page.getByRole('checkbox', { name: 'Large type' }).uncheck();
    await chooseView(page, 'Lines');
    await page.getByRole('checkbox', { name: 'head 1' }).uncheck();
    expect(await page.locator('.lines-frame svg line').count()).toBeGreaterThan(20);
    await saveViewScreenshot(page, screenshotPath('views-lines.png'));
  });

  it('bad input: an empty text, unknown words, a text longer than the context, a broken checkpoint', async () => {
    await openPlace(page, 'Decoder');
    await chooseView(page, 'Head');
    const field = page.getByTestId('sentence');
    await field.fill('');
    await page.getByText('Type a sentence to see its attention.').waitFor();
    expect(await page.getByTestId('view-card').locator('canvas').count()).toBe(0);
    await field.fill('I love this zyzzyva car');
    await page.getByTestId('unknown-notice').filter({ hasText: 'zyzzyva → [UNK]' }).waitFor();
    await field.fill(Array.from({ length: 90 }, (_, i) => (i % 2 ? 'red' : 'car')).join(' '));
    await page.getByTestId('truncated-notice').waitFor();
    expect(firstPanel(await figureGeometry(page, (g) => firstPanel(g).rows === 64)).cols).toBe(64);
    await page.getByRole('button', { name: 'Open checkpoint folder…' }).click();
    await page.getByTestId('checkpoint-path').fill(join(scratch, 'no-such-checkpoint'));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByTestId('view-card').getByRole('alert').waitFor();
    expect(await page.getByTestId('view-card').locator('canvas').count()).toBe(0);
    await page.getByTestId('model-picker').selectOption({ label: 'Tiny GPT (built in)' });
    await figureGeometry(page);
  });

  it('follows fast typing: only the answer for the last text is drawn', async () => {
    const field = page.getByTestId('sentence');
    await field.fill('');
    await field.pressSequentially('I love this red car and the road', { delay: 15 });
    const started = Date.now();
    await figureGeometry(page, (g) => firstPanel(g).rows === 9); // <bos> + 8 words
    console.info(`[views] figure updated ${Date.now() - started} ms after the last key`);
    await page.getByTestId('view-card').and(page.locator('[data-state="idle"]')).waitFor();
    expect(firstPanel(await figureGeometry(page)).rows).toBe(9);
    await field.fill(sentence);
  });

  it('stays responsive while the engine trains a model', async () => {
    const runId = await startTraining(page, join(scratch, 'run'));
    await expectEventually(async () => (await trainedSteps(page)) >= 2);
    const started = Date.now();
    await page.getByTestId('sentence').fill('the road is red');
    await figureGeometry(page, (g) => firstPanel(g).rows === 5);
    const during = await trainedSteps(page);
    console.info(`[views] updated in ${Date.now() - started} ms during training (step ${during} of 400)`);
    expect(during).toBeLessThan(400); // the run was still going
    await cancelTraining(page, runId);
    await page.getByTestId('sentence').fill(sentence);
  });

  it('compares BERT, T5 and GPT on one sentence under one layer and head picker', async () => {
    await openPlace(page, 'Compare');
    const shapes: number[][] = [];
    for (const nth of [0, 1, 2]) {
      const panel = firstPanel(await figureGeometry(page, () => true, nth));
      shapes.push([panel.rows, panel.cols]);
    }
    expect(shapes).toEqual([
      [7, 7],
      [7, 5],
      [6, 6],
    ]); // [CLS]…[SEP]; target × input; <bos>…
    await page.getByTestId('layer-picker').selectOption('1');
    await saveViewScreenshot(page, screenshotPath('views-compare.png'));
    expect(pageErrors).toEqual([]);
  });
});
