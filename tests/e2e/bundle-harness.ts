/**
 * Bundles a small harness (TSX that mounts one renderer component into the web host's page) with esbuild, for
 * end-to-end tests of components not yet mounted in the app: the page gets the JS and CSS through `addScriptTag`.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** The harness `source` (resolved from renderer/src) bundled into one script and one stylesheet. */
export async function bundleHarness(source: string): Promise<{ js: string; css: string }> {
  const result = await build({
    stdin: {
      contents: source,
      resolveDir: resolve('renderer/src'),
      loader: 'tsx',
      sourcefile: 'harness.tsx',
    },
    bundle: true,
    write: false,
    format: 'iife',
    outdir: 'harness-out',
    jsx: 'automatic',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const text = (ext: string) => result.outputFiles.find((file) => file.path.endsWith(ext))?.text ?? '';
  return { js: text('.js'), css: text('.css') };
}
