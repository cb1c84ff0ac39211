/**
 * What tests/e2e/views.test.ts runs besides the page: the built web host and Chromium (light theme, 1×
 * pixels, downloads and the clipboard allowed), the headless `attention-lab snapshot` command, and a training
 * run in the engine to check that views stay responsive meanwhile.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startWebHost } from '../../main/web/host';
import type { WebHost } from '../../main/web/host';

const run = promisify(execFile);

/** Starts the web host and Chromium and opens the app; fails clearly when the build or checkpoints are missing. */
export async function launchViews(): Promise<{ host: WebHost; browser: Browser; page: Page }> {
  for (const file of [
    'dist/renderer/index.html',
    'dist/main/engine.mjs',
    'assets/checkpoints/t5-tiny/weights.bin',
  ]) {
    if (!existsSync(resolve(file))) {
      throw new Error(`${file} is missing: run \`npm run build\` (and \`npm run train:assets\`).`);
    }
  }
  const host = await startWebHost({
    rendererDir: resolve('dist/renderer'),
    engineEntry: resolve('dist/main/engine.mjs'),
    log: () => {},
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    colorScheme: 'light',
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const page = await context.newPage();
  await page.goto(host.url);
  return { host, browser, page };
}

/** Runs `attention-lab snapshot … --json` and returns the size it wrote. */
export async function cliSnapshot(args: readonly string[]): Promise<{ width: number; height: number }> {
  const { stdout } = await run('node', ['main/cli/bin.mjs', 'snapshot', ...args, '--json']);
  return JSON.parse(stdout) as { width: number; height: number };
}

type Api = {
  invoke(channel: string, input: unknown): Promise<{ runId: string }>;
  on(channel: string, listener: (progress: { step: number }) => void): () => void;
};
type Lab = { attentionLab: Api; trainedSteps: number };

/** Starts training a tiny GPT in the engine (400 steps into `outDir`); the page counts its steps. */
export async function startTraining(page: Page, outDir: string): Promise<string> {
  return page.evaluate(async (dir) => {
    const lab = globalThis as unknown as Lab;
    lab.trainedSteps = 0;
    lab.attentionLab.on('train:onProgress', (progress) => (lab.trainedSteps = progress.step));
    const input = { family: 'gpt', steps: 400, evalEvery: 1000, outDir: dir };
    return (await lab.attentionLab.invoke('train:start', input)).runId;
  }, outDir);
}

/** The last step the page heard of. */
export function trainedSteps(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as Lab).trainedSteps);
}

/** Cancels a training run. */
export async function cancelTraining(page: Page, runId: string): Promise<void> {
  await page.evaluate(
    (id) => (globalThis as unknown as Lab).attentionLab.invoke('train:cancel', { runId: id }),
    runId,
  );
}
