/**
 * End to end in Chromium through the web host: the Library page lists the checkpoints of the checkpoints folder
 * (here a temporary one, through ATTENTION_LAB_DATA_DIR), opens one and remembers it, renames it inline and
 * deletes it after the confirm step — checked on disk. Run after `npm run build`.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { saveTiny } from '../main/engine/session/fixtures';
import { openLab } from './lab-page';
import { screenshotPath } from './screenshots';

describe('library page in Chromium', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;
  let dataDir = '';
  let library = '';
  const previousDataDir = process.env['ATTENTION_LAB_DATA_DIR'];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    dataDir = await mkdtemp(join(tmpdir(), 'library-e2e-'));
    library = join(dataDir, 'checkpoints');
    await saveTiny(join(library, 'lesson gpt'), 'gpt');
    await mkdir(join(library, 'broken'));
    await writeFile(join(library, 'broken', 'notes.txt'), 'not a checkpoint');
    process.env['ATTENTION_LAB_DATA_DIR'] = dataDir; // read by the web host's app:info
    ({ host, browser, page, pageErrors } = await openLab('Library'));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    if (previousDataDir === undefined) delete process.env['ATTENTION_LAB_DATA_DIR'];
    else process.env['ATTENTION_LAB_DATA_DIR'] = previousDataDir;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the saved checkpoint with its summary and the broken folder with its reason', async () => {
    expect(await page.getByTestId('library-folder').textContent()).toBe(library);
    const row = page.locator('[data-testid="library-row"][data-name="lesson gpt"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('GPT');
    expect(await row.textContent()).toMatch(/2 layers × 2 heads/);
    const broken = page.getByTestId('library-row').filter({ hasText: 'broken' });
    expect(await broken.textContent()).toMatch(/Not a usable checkpoint: config\.json is missing/);
  });

  it('opens the checkpoint, shows its summary and lists it under recently opened', async () => {
    const row = page.locator('[data-testid="library-row"][data-name="lesson gpt"]');
    await row.getByRole('button', { name: 'Open' }).click();
    const opened = page.getByTestId('library-opened');
    await opened.filter({ hasText: 'Opened lesson gpt (GPT)' }).waitFor();
    expect(await opened.textContent()).toMatch(/2 layers × 2 heads .* 40 steps/);
    expect(await page.getByTestId('library-recent').textContent()).toContain(join(library, 'lesson gpt'));
  });

  it('renames the checkpoint inline, on disk too', async () => {
    const row = page.locator('[data-testid="library-row"][data-name="lesson gpt"]');
    await row.getByTestId('library-rename').click();
    await row.getByTestId('library-rename-input').fill('week 3 gpt');
    await row.getByTestId('library-rename-save').click();
    await page.locator('[data-testid="library-row"][data-name="week 3 gpt"]').waitFor();
    expect((await readdir(library)).sort()).toEqual(['broken', 'week 3 gpt']);
    // The recent list follows the rename.
    expect(await page.getByTestId('library-recent').textContent()).toContain(join(library, 'week 3 gpt'));
    await page.screenshot({ path: screenshotPath('library.png'), fullPage: true });
  });

  it('deletes the checkpoint only after the confirm step, leaving the other folder alone', async () => {
    const row = page.locator('[data-testid="library-row"][data-name="week 3 gpt"]');
    await row.getByTestId('library-delete').click();
    expect(await readdir(library)).toContain('week 3 gpt'); // nothing happens before the confirmation
    await row.getByTestId('library-delete-confirm').click();
    await page.getByTestId('library-notice').filter({ hasText: 'Deleted' }).waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await readdir(library)).toEqual(['broken']);
    expect(await readdir(join(library, 'broken'))).toEqual(['notes.txt']);
    expect(pageErrors).toEqual([]);
  });

  it('lists the training history of a checkpoint that is gone, and deletes it after the confirm step', async () => {
    await saveTiny(join(library, 'old run.history', 'step-000040'), 'gpt');
    const views = page.getByRole('navigation', { name: 'Views' });
    await views.getByRole('button', { name: 'Train', exact: true }).click();
    await views.getByRole('button', { name: 'Library', exact: true }).click();
    const row = page.locator('[data-testid="library-row"][data-name="old run.history"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('The training history of old run, a checkpoint that no longer');
    await row.getByTestId('library-delete').click();
    await row.getByTestId('library-delete-confirm').click();
    await row.waitFor({ state: 'detached' });
    expect(await readdir(library)).toEqual(['broken']);
    expect(pageErrors).toEqual([]);
  });
});
