/**
 * End to end in Electron: launches the built app (`electron .`) through playwright-core's `_electron` and checks
 * that the first screen shows the backend the engine chose. Where no Electron binary exists (its download
 * failed or was skipped) or Linux has no display, it prints one line saying why and is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Resolves the binary as `require('electron')` does, in a child process: the package tries to download a
 * missing binary on require and throws when that fails, and neither should happen inside the test runner.
 */
function findElectron(): { binary: string } | { reason: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const binary = probe.stdout?.split('\n').at(-1) ?? '';
  if (probe.status === 0 && binary !== '' && existsSync(binary)) return { binary };
  const cause =
    probe.error?.message ??
    probe.stderr
      ?.split('\n')
      .find((line) => /error/i.test(line))
      ?.trim() ??
    `exit code ${probe.status}`;
  return { reason: `no Electron binary (download failed: ${cause})` };
}

/** Electron needs a display on Linux (CI gets one from xvfb-run). */
function missingDisplay(): string | null {
  const hasDisplay =
    process.platform !== 'linux' || Boolean(process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY']);
  return hasDisplay ? null : 'no display (run it under xvfb-run)';
}

const found = findElectron();
const skipReason = 'reason' in found ? found.reason : missingDisplay();
if (skipReason) console.log(`electron e2e skipped: ${skipReason}`);

/** The page's globals, typed just enough for this test (the Node tsconfig has no DOM library). */
interface PageGlobals {
  attentionLab: { invoke(channel: string, input: unknown): Promise<{ backend: string | null }> };
}

describe('Electron app', () => {
  let app: ElectronApplication | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it.skipIf(skipReason !== null)('shows the first screen with the backend the engine chose', async () => {
    const binary = 'binary' in found ? found.binary : '';
    if (
      !existsSync(path.join(root, 'dist/main/electron.cjs')) ||
      !existsSync(path.join(root, 'dist/renderer'))
    ) {
      throw new Error('Build first: `npm run build` (or run `npm run test:e2e`, which builds).');
    }
    // CI containers run as root, where Chromium's setuid sandbox cannot start.
    const isRoot = process.getuid?.() === 0;
    app = await electron.launch({
      executablePath: binary,
      args: [...(isRoot ? ['--no-sandbox'] : []), root],
      cwd: root,
      timeout: 120_000,
    });
    const page: Page = await app.firstWindow();
    const shown = page.getByTestId('engine-backend').locator('.backend-name').first();
    await shown.waitFor({ timeout: 120_000 });
    expect(page.url()).toBe('app://lab/index.html');
    const status = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).attentionLab.invoke('engine:status', {}),
    );
    expect(status.backend).not.toBeNull();
    expect(await shown.textContent()).toBe(status.backend);
    // The renderer has no Node: the sandbox and context isolation hold.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  });
});
