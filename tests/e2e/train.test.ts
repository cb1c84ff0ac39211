/**
 * The Train screen end to end in Chromium through the built web host and the real engine: a refused request
 * reaches the error presenter, a tiny GPT run draws its loss curve, advances its progress bar and redraws its
 * live attention map from the current weights, stops, and its checkpoint opens selected in the Decoder page.
 * Saves train.png mid-run (see screenshots.ts). Run after `npm run build`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab } from './lab-page';
import { screenshotPath } from './screenshots';
import type { WebHost } from '../../main/web/host';

const trainScreenPath = screenshotPath('train.png');

/** `text` as a regular expression that matches it literally. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Fills the tiny custom GPT of this test. */
async function fillTinyGpt(page: Page, outDir: string, heads: string): Promise<void> {
  await page.getByTestId('train-family-gpt').click();
  await page.getByTestId('train-size-custom').click();
  const values: Record<string, string> = {
    'train-layers': '2',
    'train-dModel': '32',
    'train-heads': heads,
    'train-dFf': '64',
    'train-maxLength': '16',
    'train-steps': '400',
    'train-batchSize': '8',
    'train-out-dir': outDir,
  };
  for (const [testId, value] of Object.entries(values)) await page.getByTestId(testId).fill(value);
}

/** The number of points in the training-loss path ("M…L…L…": one command per point). */
async function pathPoints(page: Page): Promise<number> {
  const d = await page.getByTestId('loss-path').getAttribute('d');
  return (d?.match(/[ML]/g) ?? []).length;
}

async function progressValue(page: Page): Promise<number> {
  return Number(await page.getByTestId('train-progress').getAttribute('value'));
}

describe('Train screen in Chromium', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;
  let tempDir: string;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'train-e2e-'));
    ({ host, browser, page, pageErrors } = await openLab('Train'));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  it('shows the backend the engine chose', async () => {
    await page.getByTestId('engine-state').first().filter({ hasText: 'Ready' }).waitFor();
    const backend = host.status().backend;
    expect(backend).not.toBeNull();
    expect(await page.getByTestId('train-backend').textContent()).toContain(backend);
  });

  it('proposes a full output folder under the checkpoints folder of app:info, following the family', async () => {
    const folder = join(homedir(), 'Attention Lab', 'checkpoints');
    const outDir = page.getByTestId('train-out-dir');
    await expect.poll(() => outDir.inputValue()).toMatch(/gpt-[\d-]+$/);
    expect(await outDir.inputValue()).toMatch(new RegExp(`^${escapeRegExp(join(folder, 'gpt-'))}[\\d-]+$`));
    await page.getByTestId('train-family-bert').click();
    expect(await outDir.inputValue()).toMatch(new RegExp(`^${escapeRegExp(join(folder, 'bert-'))}[\\d-]+$`));
    await page.getByTestId('train-family-gpt').click();
  });

  it('refuses an empty corpus path and sizes the engine rejects, with the reason', async () => {
    await page.getByTestId('train-corpus-file').click();
    await page.getByTestId('train-start').click();
    const pathNotice = page.getByRole('alert').filter({ hasText: 'Path of the text file' });
    await pathNotice.waitFor();
    expect(await page.getByTestId('train-corpus-path').getAttribute('aria-invalid')).toBe('true');
    await pathNotice.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('train-corpus-brown').click();

    // 32 is not a multiple of 3 heads: the engine refuses, and its message reaches the presenter.
    await fillTinyGpt(page, join(tempDir, 'refused'), '3');
    await page.getByTestId('train-start').click();
    const notice = page.getByRole('alert').filter({ hasText: 'head' });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.getByTestId('train-start').isEnabled()).toBe(true);
  });

  it('trains a tiny GPT live: the curve grows, the progress bar advances, the attention map follows the weights; stopping leaves a checkpoint', async () => {
    const outDir = join(tempDir, 'gpt-run');
    await fillTinyGpt(page, outDir, '2');
    await page.getByTestId('train-start').click();
    await page.getByTestId('train-state').filter({ hasText: 'Running' }).waitFor();

    await page.getByTestId('loss-path').waitFor();
    const firstPoints = await pathPoints(page);
    const firstProgress = await progressValue(page);
    // Wait for the curve to grow well past its first points, with a validation point drawn.
    await expect
      .poll(() => pathPoints(page), { timeout: 60_000, interval: 250 })
      .toBeGreaterThanOrEqual(firstPoints + 40);
    await page.getByTestId('val-loss-path').waitFor();
    expect(await pathPoints(page)).toBeGreaterThan(firstPoints);
    expect(await progressValue(page)).toBeGreaterThan(firstProgress);
    expect(await page.getByTestId('train-stat-tokens').textContent()).toMatch(/\d/);
    await page.screenshot({ path: trainScreenPath });

    // Attention over training: the causal map of the current weights, refreshed every 5 steps.
    const live = page.getByTestId('train-live');
    await live.getByTestId('train-live-every').selectOption('5');
    const liveStep = live.getByTestId('train-live-step');
    await liveStep.waitFor({ timeout: 30_000 });
    await live.getByTestId('attention-figure').locator('canvas').first().waitFor();
    const firstLiveStep = Number(await liveStep.getAttribute('data-step'));
    await expect
      .poll(async () => Number(await liveStep.getAttribute('data-step')), { timeout: 30_000 })
      .toBeGreaterThan(firstLiveStep);
    expect(await liveStep.textContent()).toMatch(/^After step \d/);

    await page.getByTestId('train-pause').click();
    await page.getByTestId('train-state').filter({ hasText: 'Paused' }).waitFor();
    const pausedAt = await progressValue(page);
    await page.getByTestId('train-resume').click();
    await page.getByTestId('train-state').filter({ hasText: 'Running' }).waitFor();
    await expect.poll(() => progressValue(page), { timeout: 30_000 }).toBeGreaterThan(pausedAt);

    await page.getByTestId('train-stop').click();
    await page.getByTestId('train-state').filter({ hasText: 'Stopped' }).waitFor();
    expect(await page.getByTestId('train-checkpoint-path').textContent()).toBe(outDir);
    expect(existsSync(outDir)).toBe(true);

    expect(await page.getByTestId('train-start').isEnabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('"Open in views" goes to the Decoder page with the new checkpoint selected and its attention drawn', async () => {
    await page.getByTestId('train-open-checkpoint').click();
    const familyPage = page.getByTestId('family-decoder');
    await familyPage.waitFor();
    const picker = familyPage.getByTestId('model-picker');
    await expect
      .poll(() => picker.locator('option:checked').textContent(), { timeout: 30_000 })
      .toBe('gpt-run (checkpoint)');
    // The facts line describes the trained checkpoint (not the built-in model), and its figure is drawn.
    await familyPage.locator('.model-facts').filter({ hasText: '2 layers × 2 heads' }).waitFor();
    await familyPage.getByTestId('attention-figure').locator('canvas').first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});
