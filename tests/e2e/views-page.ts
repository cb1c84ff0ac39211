/**
 * Driving the attention views in Chromium for tests/e2e/views.test.ts: navigation, the figure's published
 * geometry, its pixels from a real screenshot, the engine's own numbers through the page's LabApi, downloads
 * of exports, and screenshots for the README.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { DecodedPng } from './png-decode';
import { decodePng, pixelAt } from './png-decode';

/** One panel of a figure, as `data-geometry` publishes it (CSS pixels at zoom 1). */
export interface PanelGeometry {
  x: number;
  y: number;
  width: number;
  height: number;
  gap: number;
  rows: number;
  cols: number;
}

/** A figure's size, zoom and panels. */
export interface FigureGeometry {
  width: number;
  height: number;
  zoom: number;
  panels: PanelGeometry[];
}

/** The engine's `attention:compute` answer, typed as far as the tests read it. */
export interface WireAttention {
  tokens: { input: string[]; target?: string[] };
  truncated: boolean;
  unknownWords: string[];
  attention: Partial<
    Record<
      'encoder' | 'decoder' | 'cross',
      { heads: number; queries: number; keys: number; values: number[] }
    >
  >;
}

type PageApi = { invoke(channel: string, input: unknown): Promise<unknown> };

/** Opens a place from the sidebar. */
export async function openPlace(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true }).click();
}

/** Switches the view (Head, Overview, Lines, Mask, Triptych). */
export async function chooseView(page: Page, name: string): Promise<void> {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name, exact: true }).click();
}

/** The geometry of the first figure on the page, once it is drawn and matches `accept`. */
export async function figureGeometry(
  page: Page,
  accept: (geometry: FigureGeometry) => boolean = () => true,
  nth = 0,
): Promise<FigureGeometry> {
  const figure = page.getByTestId('attention-figure').nth(nth);
  let geometry: FigureGeometry | null = null;
  await expectEventually(async () => {
    const text = await figure.getAttribute('data-geometry', { timeout: 30_000 });
    geometry = text ? (JSON.parse(text) as FigureGeometry) : null;
    return geometry !== null && accept(geometry);
  });
  if (!geometry) throw new Error('no figure geometry');
  return geometry;
}

/** Polls `check` until it holds (30 s at most). */
export async function expectEventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A real screenshot of the figure's canvas, decoded (the pointer is moved away first: no hover ring). */
export async function canvasPixels(page: Page, nth = 0): Promise<DecodedPng> {
  await page.mouse.move(0, 0);
  const canvas = page.getByTestId('attention-figure').nth(nth).locator('canvas');
  return decodePng(await canvas.screenshot({ animations: 'disabled' }));
}

/** The rectangle of cell (row, col) inside its gap, as shared/charts/cells.ts lays it out. */
export function cellRect(panel: PanelGeometry, row: number, col: number) {
  const w = panel.width / panel.cols;
  const h = panel.height / panel.rows;
  return {
    x: panel.x + col * w + panel.gap / 2,
    y: panel.y + row * h + panel.gap / 2,
    w: w - panel.gap,
    h: h - panel.gap,
  };
}

/** The colours of a 4 × 4 block near a cell's top-left corner (clear of the weight written in its middle). */
export function cellSample(image: DecodedPng, panel: PanelGeometry, row: number, col: number): string[] {
  const cell = cellRect(panel, row, col);
  const colours = new Set<string>();
  for (let dy = 3; dy < 7; dy++) {
    for (let dx = 3; dx < 7; dx++) {
      colours.add(pixelAt(image, Math.floor(cell.x) + dx, Math.floor(cell.y) + dy).join(','));
    }
  }
  return [...colours];
}

/** Counts the cells a line of pixels crosses: runs of cell colour between background and gridline pixels. */
export function countRuns(
  colours: readonly (readonly [number, number, number])[],
  isCell: (rgb: readonly number[]) => boolean,
): number {
  let runs = 0;
  let inside = false;
  for (const rgb of colours) {
    const cell = isCell(rgb);
    if (cell && !inside) runs++;
    inside = cell;
  }
  return runs;
}

/** The engine's attention for `text`, asked through the page's own LabApi. */
export async function engineAttention(
  page: Page,
  builtin: 'bert-tiny' | 't5-tiny' | 'gpt-tiny',
  text: string,
  target?: string,
): Promise<WireAttention> {
  return (await page.evaluate(
    async ({ builtin, text, target }) => {
      const api = (globalThis as unknown as { attentionLab: PageApi }).attentionLab;
      const info = (await api.invoke('model:open', { source: { kind: 'builtin', id: builtin } })) as {
        modelId: string;
      };
      return api.invoke('attention:compute', {
        modelId: info.modelId,
        text,
        ...(target === undefined ? {} : { target }),
      });
    },
    { builtin, text, target },
  )) as WireAttention;
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
export async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('group', { name: 'Snapshot' })
      .first()
      .getByRole('button', { name: button, exact: true })
      .click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Saves the window from the top to the bottom of the view card (the viewport grown to hold it all). */
export async function saveViewScreenshot(page: Page, path: string, width = 1400): Promise<void> {
  const main = page.locator('main');
  await main.evaluate((element) => ((element as unknown as { scrollTop: number }).scrollTop = 0));
  const box = await page.getByTestId('view-card').last().boundingBox();
  const height = Math.max(700, Math.ceil((box?.y ?? 0) + (box?.height ?? 0) + 24));
  await page.setViewportSize({ width, height });
  await page.mouse.move(0, 0);
  await page.screenshot({ path, clip: { x: 0, y: 0, width, height } });
  await page.setViewportSize({ width, height: 1000 });
}

interface XmlNode {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
type DomParser = new () => {
  parseFromString(source: string, type: string): { querySelector(selector: string): XmlNode | null };
};

/** Parses an SVG document with the browser's XML parser: whether it failed, its size and its caption text. */
export async function parseSvgInPage(page: Page, source: string) {
  return page.evaluate((text) => {
    const Parser = (globalThis as unknown as { DOMParser: DomParser }).DOMParser;
    const doc = new Parser().parseFromString(text, 'image/svg+xml');
    const root = doc.querySelector('svg');
    return {
      hasError: doc.querySelector('parsererror') !== null,
      width: Number(root?.getAttribute('width')),
      height: Number(root?.getAttribute('height')),
      caption: doc.querySelector('.caption')?.textContent ?? '',
    };
  }, source);
}
