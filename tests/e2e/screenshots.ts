/**
 * Where end-to-end screenshots go: test-results/screens/ on every run (so tests never dirty the checkout),
 * and docs/images/ — the README's pictures — only when UPDATE_DOC_IMAGES=1 (`npm run docs:images`).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The folder screenshots are written to, created if missing. */
export function screenshotDir(): string {
  const dir = resolve(process.env['UPDATE_DOC_IMAGES'] === '1' ? 'docs/images' : 'test-results/screens');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The path of screenshot `name` (e.g. `first-screen.png`). */
export function screenshotPath(name: string): string {
  return join(screenshotDir(), name);
}
