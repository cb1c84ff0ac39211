/**
 * The Fine-tune section of the Train screen end to end in Chromium through the built web host and the real
 * engine: the task list follows the checkpoint's family, the shipped bert-tiny fine-tunes on Brown genres, the
 * progress bar advances and the loss curve grows, and the result shows held-out accuracy and the majority-class
 * baseline; its checkpoint opens in the Encoder page. Saves finetune.png (see screenshots.ts).
 * Run after `npm run build`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { openLab } from './lab-page';
import { screenshotPath } from './screenshots';

const steps = 60;

async function progressValue(page: Page): Promise<number> {
  return Number(await page.getByTestId('finetune-progress').getAttribute('value'));
}

/** "42.5%" → 0.425. */
const percentOf = (text: string | null): number => Number((text ?? '').replace(/[^\d.]/g, '')) / 100;

describe('Fine-tune section in Chromium', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;
  let tempDir: string;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'finetune-e2e-'));
    ({ host, browser, page, pageErrors } = await openLab('Train'));
    await page.getByTestId('train-mode-finetune').click();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  it('offers the tasks of the chosen checkpoint’s family and points GPT to prompting', async () => {
    const tasks = page.getByRole('group', { name: 'Task' }).getByRole('button');
    expect(await tasks.allTextContents()).toEqual([
      'Brown genre',
      'Brown part of speech',
      'My CSV (text,label)',
    ]);
    await page.getByTestId('finetune-checkpoint-t5-tiny').click();
    expect(await tasks.allTextContents()).toEqual(['Part of speech', 'My CSV (input,target)']);
    await page.getByTestId('finetune-task-csv').click();
    expect(await page.getByLabel('CSV file with input,target columns (full path, UTF-8)').isVisible()).toBe(
      true,
    );
    await page.getByTestId('finetune-checkpoint-bert-tiny').click();
    expect(await page.getByTestId('finetune-task-csv').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('finetune-task-brown-genre').click();
    expect(await page.getByText('GPT adapts without updating any parameter').isVisible()).toBe(true);
  });

  it('fine-tunes the shipped bert-tiny on Brown genres: progress advances, then accuracy and baseline', async () => {
    const outDir = join(tempDir, 'genre');
    await page.getByTestId('finetune-steps').fill(String(steps));
    await page.getByTestId('finetune-out-dir').fill(outDir);
    await page.getByTestId('finetune-start').click();
    await page.getByTestId('finetune-state').filter({ hasText: 'Running' }).waitFor({ timeout: 60_000 });
    const run = page.locator('.finetune-run');
    await run.getByTestId('loss-path').waitFor();
    const first = await progressValue(page);
    await expect.poll(() => progressValue(page), { timeout: 60_000, interval: 100 }).toBeGreaterThan(first);
    expect(await progressValue(page)).toBeLessThanOrEqual(steps);
    await page.screenshot({ path: screenshotPath('finetune-running.png') });

    await page.getByTestId('finetune-result').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('finetune-state').textContent()).toContain('Finished');
    expect(await progressValue(page)).toBe(steps);
    const score = percentOf(await page.getByTestId('finetune-score').textContent());
    const baseline = percentOf(await page.getByTestId('finetune-baseline').textContent());
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(1);
    expect(baseline).toBeGreaterThan(0);
    expect(baseline).toBeLessThan(0.5);
    const sentence = await page.getByTestId('finetune-result-sentence').textContent();
    expect(sentence).toContain(await page.getByTestId('finetune-score').textContent());
    expect(sentence).toContain(await page.getByTestId('finetune-baseline').textContent());
    await page.screenshot({ path: screenshotPath('finetune.png'), fullPage: true });
    expect(existsSync(join(outDir, 'config.json'))).toBe(true);
    console.log(`bert-tiny brown-genre ${steps} steps: accuracy ${score}, baseline ${baseline}`);
  }, 180_000);

  it('opens the fine-tuned checkpoint in the Encoder page', async () => {
    await page.getByTestId('train-open-checkpoint').click();
    await page.getByRole('heading', { level: 1, name: 'Encoder' }).waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
  });

  it('sends GPT to prompting on the Decoder page', async () => {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('train-mode-finetune').click();
    await page.getByRole('button', { name: 'Prompt GPT on the Decoder page →' }).click();
    await page.getByRole('heading', { level: 1, name: 'Decoder' }).waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
  });
});
