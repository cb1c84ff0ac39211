/**
 * End to end in Electron: launches the built app (`electron .`) through playwright-core's `_electron` and checks
 * that the first screen shows the backend the engine chose. Where no Electron binary exists (it was never
 * downloaded), it prints one line saying why and is skipped; on Linux without a display it starts Xvfb.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Finds the Electron binary the way the `electron` package does (`path.txt` names it inside `dist/`), without
 * requiring the package: that would try to download a missing binary, and tests make no network requests.
 * `npm start` (or `npx install-electron`) downloads it where the network allows.
 */
function findElectron(): { binary: string } | { reason: string } {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason: 'no Electron binary (not downloaded yet: `npm start` or `npx install-electron` fetches it)',
    };
  }
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { binary } : { reason: `no Electron binary at ${binary}` };
}

/** Electron needs a display on Linux: the one we have, or a private Xvfb (Debian's `xvfb`) started for the test. */
function display(): { env: Record<string, string>; xvfb?: ChildProcess } | { reason: string } {
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  if (process.platform !== 'linux' || env['DISPLAY'] || env['WAYLAND_DISPLAY']) return { env };
  if (spawnSync('which', ['Xvfb']).status !== 0)
    return { reason: 'no display and no Xvfb (apt-get install xvfb)' };
  const number = 90 + (process.pid % 100);
  const xvfb = spawn('Xvfb', [`:${number}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  return { env: { ...env, DISPLAY: `:${number}` }, xvfb };
}

const found = findElectron();
const screen = 'binary' in found ? display() : null;
const skipReason = 'reason' in found ? found.reason : screen && 'reason' in screen ? screen.reason : null;
if (skipReason) console.log(`electron e2e skipped: ${skipReason}`);

/** The page's globals, typed just enough for this test (the Node tsconfig has no DOM library). */
interface PageGlobals {
  attentionLab: { invoke(channel: string, input: unknown): Promise<{ backend: string | null }> };
}

describe('Electron app', () => {
  let app: ElectronApplication | undefined;

  afterAll(async () => {
    await app?.close();
    if (screen && 'xvfb' in screen) screen.xvfb?.kill();
  });

  it.skipIf(skipReason !== null)('shows the first screen with the backend the engine chose', async () => {
    const binary = 'binary' in found ? found.binary : '';
    if (
      !existsSync(path.join(root, 'dist/main/electron.cjs')) ||
      !existsSync(path.join(root, 'dist/renderer'))
    ) {
      throw new Error('Build first: `npm run build` (or run `npm run test:e2e`, which builds).');
    }
    if (screen && 'xvfb' in screen) {
      // Wait until the private X server listens (its socket appears) before Electron connects to it.
      const socket = `/tmp/.X11-unix/X${(screen.env['DISPLAY'] ?? ':0').slice(1)}`;
      for (let i = 0; i < 50 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 100));
    }
    // CI containers run as root, where Chromium's setuid sandbox cannot start.
    const isRoot = process.getuid?.() === 0;
    app = await electron.launch({
      executablePath: binary,
      args: [...(isRoot ? ['--no-sandbox'] : []), root],
      cwd: root,
      ...(screen && 'env' in screen ? { env: screen.env } : {}),
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
