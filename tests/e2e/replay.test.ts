/**
 * Replay training end to end in Chromium through the built web host and the real engine: a tiny GPT trained
 * with a checkpoint every 10 of its 40 steps keeps a history of 5 checkpoints (steps 0, 10, 20, 30, 40); the
 * replay slider has one position per step, is driven by the keyboard, names the step and its loss, and each
 * position redraws the heatmap from that step's checkpoint (compared by the canvas's pixels on screen); play steps through
 * them; training again into the same folder replays the new weights. Saves replay.png (see screenshots.ts). Run
 * after `npm run build`.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabPage } from './lab-page';
import { openLab } from './lab-page';
import { decodePng } from './png-decode';
import { screenshotPath } from './screenshots';

/** The heatmap canvas's pixels (RGBA bytes) of the replay card, as drawn on screen. */
async function heatmapPixels(card: Locator): Promise<Uint8Array> {
  const canvas = card.getByTestId('attention-figure').locator('canvas').first();
  return decodePng(await canvas.screenshot()).rgba;
}

/**
 * How many pixels differ clearly (by more than a quarter of the range in a channel) between two images of the
 * same size: two paints of the same map at a fractional zoom may differ in the antialiasing of a few hundred
 * text pixels (measured: 552 pixels, none by more than 64), while another step's map changes tens of thousands.
 */
function differingPixels(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let count = 0;
  for (let i = 0; i < a.length; i += 4) {
    const delta = Math.max(
      Math.abs((a[i] ?? 0) - (b[i] ?? 0)),
      Math.abs((a[i + 1] ?? 0) - (b[i + 1] ?? 0)),
      Math.abs((a[i + 2] ?? 0) - (b[i + 2] ?? 0)),
    );
    if (delta > 64) count += 1;
  }
  return count;
}

describe('Replay training in Chromium', () => {
  let lab: LabPage;
  let tempDir = '';

  beforeAll(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'replay-e2e-'));
    lab = await openLab('Train');
  });

  afterAll(async () => {
    await lab?.browser.close();
    await lab?.host.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  it('trains a tiny GPT with a checkpoint every 10 steps and replays its attention step by step', async () => {
    const { page, pageErrors } = lab;
    const outDir = join(tempDir, 'gpt-replay');
    await page.getByTestId('train-family-gpt').click();
    await page.getByTestId('train-size-custom').click();
    const values: Record<string, string> = {
      'train-layers': '2',
      'train-dModel': '32',
      'train-heads': '2',
      'train-dFf': '64',
      'train-maxLength': '16',
      'train-steps': '40',
      'train-learningRate': '0.01',
      'train-batchSize': '8',
      'train-checkpointEvery': '10',
      'train-out-dir': outDir,
    };
    for (const [testId, value] of Object.entries(values)) await page.getByTestId(testId).fill(value);
    await page.getByTestId('train-start').click();
    await page.getByTestId('train-state').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    expect((await readdir(`${outDir}.history`)).sort()).toEqual(
      [0, 10, 20, 30, 40].map((step) => `step-${String(step).padStart(6, '0')}`),
    );

    const card = page.getByTestId('train-replay');
    expect(await card.getByTestId('replay-path').inputValue()).toBe(outDir);
    const slider = card.getByTestId('replay-slider');
    // One position per saved step, starting at the last.
    await expect.poll(() => slider.getAttribute('max'), { timeout: 30_000 }).toBe('4');
    expect(await slider.getAttribute('min')).toBe('0');
    expect(await slider.inputValue()).toBe('4');
    const position = card.getByTestId('replay-position');
    expect(await position.textContent()).toMatch(/^Step 40 · loss \d+(\.\d+)? · validation \d+(\.\d+)?$/);
    const drawn = card.getByTestId('replay-drawn');
    await expect.poll(() => drawn.getAttribute('data-step'), { timeout: 30_000 }).toBe('40');
    const trained = await heatmapPixels(card);

    // The keyboard moves the slider: Home goes to the untrained model, its map drawn from its own checkpoint.
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await position.textContent()).toBe('Step 0 · untrained');
    expect(await slider.getAttribute('aria-valuetext')).toBe('Step 0 · untrained');
    await expect.poll(() => drawn.getAttribute('data-step'), { timeout: 30_000 }).toBe('0');
    const untrained = await heatmapPixels(card);
    const changed = differingPixels(trained, untrained);
    expect(changed).toBeGreaterThan(trained.length / 4 / 100); // over 1 % of the pixels
    await page.keyboard.press('ArrowRight');
    expect(await position.textContent()).toMatch(/^Step 10 · loss /);
    await expect.poll(() => drawn.getAttribute('data-step'), { timeout: 30_000 }).toBe('10');

    // Back to a step seen before: drawn again from the cache, the same pixels as the first time.
    await page.keyboard.press('Home');
    await expect.poll(() => drawn.getAttribute('data-step'), { timeout: 30_000 }).toBe('0');
    expect(differingPixels(untrained, await heatmapPixels(card))).toBe(0);

    // Play steps through the history to the last step, then stops.
    await card.getByTestId('replay-play').click();
    expect(await card.getByTestId('replay-play').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => drawn.getAttribute('data-step'), { timeout: 30_000 }).toBe('20');
    await expect.poll(() => slider.inputValue(), { timeout: 30_000 }).toBe('4');
    await expect
      .poll(() => card.getByTestId('replay-play').getAttribute('aria-pressed'), { timeout: 30_000 })
      .toBe('false');
    await expect.poll(() => drawn.getAttribute('data-step'), { timeout: 30_000 }).toBe('40');

    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => drawn.getAttribute('data-step'), { timeout: 30_000 }).toBe('20');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('replay.png'), fullPage: true });
    await card.screenshot({ path: screenshotPath('replay-card.png') });
    expect(pageErrors).toEqual([]);
  });

  it('training again into the same folder replays the new run, not the old one', async () => {
    const { page, pageErrors } = lab;
    const card = page.getByTestId('train-replay');
    const drawn = card.getByTestId('replay-drawn');
    await card.getByTestId('replay-slider').focus();
    await page.keyboard.press('End');
    await expect.poll(() => drawn.getAttribute('data-step'), { timeout: 30_000 }).toBe('40');
    const before = await heatmapPixels(card);
    const savedAt = () => card.getAttribute('data-saved-at');
    const firstRun = await savedAt();
    expect(firstRun).toMatch(/^\d/);
    // Another seed, the same folder: the history's entries get the same paths (step-000040) with new weights.
    await page.getByTestId('train-seed').fill('7');
    await page.getByTestId('train-start').click();
    // The history shows the new run's saves once its newest entry was saved at another time (however short
    // the run, its last save is newer); from then on the state shown is the new run's.
    await expect
      .poll(async () => ((await savedAt()) || firstRun) !== firstRun, { timeout: 120_000 })
      .toBe(true);
    await page.getByTestId('train-state').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    const redrawn = async (): Promise<number> => {
      if ((await drawn.getAttribute('data-step')) !== '40') return 0;
      const after = await heatmapPixels(card);
      return after.length === before.length ? differingPixels(before, after) : 0;
    };
    await expect.poll(redrawn, { timeout: 60_000 }).toBeGreaterThan(before.length / 4 / 100);
    expect(pageErrors).toEqual([]);
  });

  it('replays a T5 run with its target and its three kinds of attention', async () => {
    const { page, pageErrors } = lab;
    const outDir = join(tempDir, 't5-replay');
    await page.getByTestId('train-family-t5').click();
    const values: Record<string, string> = {
      'train-steps': '20',
      'train-checkpointEvery': '10',
      'train-out-dir': outDir,
    };
    for (const [testId, value] of Object.entries(values)) await page.getByTestId(testId).fill(value);
    await page.getByTestId('train-start').click();
    await page.getByTestId('train-state').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    const card = page.getByTestId('train-replay');
    await expect
      .poll(() => card.getByTestId('replay-slider').getAttribute('max'), { timeout: 30_000 })
      .toBe('2');
    const drawn = card.getByTestId('replay-drawn');
    await expect.poll(() => drawn.getAttribute('data-step'), { timeout: 30_000 }).toBe('20');
    expect(await card.getByTestId('replay-target').inputValue()).toBe('<X> love <Y> red car <Z>');
    const kind = card.getByTestId('kind-picker');
    expect(await kind.inputValue()).toBe('cross');
    expect(await kind.locator('option').allTextContents()).toHaveLength(3);
    // The cross-attention map: the target's tokens down the side, the text's along the top.
    const geometry = JSON.parse(
      (await card.getByTestId('attention-figure').getAttribute('data-geometry')) ?? '{}',
    ) as { panels: { rows: number; cols: number }[] };
    expect(geometry.panels[0]).toMatchObject({ rows: expect.any(Number), cols: expect.any(Number) });
    expect(geometry.panels[0]?.rows).not.toBe(geometry.panels[0]?.cols);
    await card.screenshot({ path: screenshotPath('replay-t5.png') });
    expect(pageErrors).toEqual([]);
  });

  it('a checkpoint typed in without a history says so', async () => {
    const card = lab.page.getByTestId('train-replay');
    // The run's folder itself has a history; its first entry is a checkpoint without one.
    await card.getByTestId('replay-path').fill(join(tempDir, 'gpt-replay.history', 'step-000000'));
    await card.getByTestId('replay-load').click();
    await card.getByTestId('replay-empty').waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('replay-slider').count()).toBe(0);
    await card.getByTestId('replay-path').fill(join(tempDir, 'nowhere'));
    await card.getByTestId('replay-load').click();
    await card.getByRole('alert').filter({ hasText: 'There is no checkpoint folder' }).waitFor();
    expect(lab.pageErrors).toEqual([]);
  });

  it('"Open in views" puts the run\'s checkpoint in the Library\'s recent list', async () => {
    const { page } = lab;
    const outDir = join(tempDir, 't5-replay');
    await page.getByTestId('train-open-checkpoint').click();
    // The last run is the T5 one: its family page opens with its checkpoint selected.
    const picker = page.getByTestId('family-encoderDecoder').getByTestId('model-picker');
    await expect
      .poll(() => picker.locator('option:checked').textContent(), { timeout: 30_000 })
      .toBe('t5-replay (checkpoint)');
    await page.getByTestId('family-encoderDecoder').locator('.model-facts').waitFor({ timeout: 30_000 });
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Library', exact: true })
      .click();
    const recent = page.getByTestId('library-recent');
    await recent.waitFor();
    expect(await recent.locator('li').first().textContent()).toContain(outDir);
    expect(lab.pageErrors).toEqual([]);
  });
});
