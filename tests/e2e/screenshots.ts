/**
 * Where end-to-end screenshots go: test-results/screens/ on every run (so tests never dirty the checkout); with
 * UPDATE_DOC_IMAGES=1 (`npm run docs:images`) the README's pictures — the files already in docs/images/ — are
 * written there instead, so the dozens of other screenshots never land in the docs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const docImages = resolve('docs/images');

/** The folder for test screenshots, created if missing. */
export function screenshotDir(): string {
  const dir = resolve('test-results/screens');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The path of screenshot `name` (e.g. `first-screen.png`). */
export function screenshotPath(name: string): string {
  const doc = join(docImages, name);
  return process.env['UPDATE_DOC_IMAGES'] === '1' && existsSync(doc) ? doc : join(screenshotDir(), name);
}
