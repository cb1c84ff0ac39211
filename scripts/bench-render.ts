/**
 * `npm run bench:render -- [--json] [--layers 12] [--heads 12] [--tokens 128] [--dpr 1] [--runs 40]`: the full
 * redraw of the layer × head overview with the app's canvas painter (renderer/src/charts), in headless
 * Chromium. The painter is bundled for the page with esbuild; the data are random softmax rows. Reports the
 * median and 95th percentile of one full redraw from the data (paint + a pixel read-back so the work is really
 * done), the median repaint of unchanged data (hover, focus: panel pixels cached), and, apart, the one-off
 * layout (head averages and rollout), which runs only when the data change. See docs/PERFORMANCE.md.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

interface Options {
  json: boolean;
  layers: number;
  heads: number;
  tokens: number;
  dpr: number;
  runs: number;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string, fallback: number): number => {
    const i = argv.indexOf(flag);
    const parsed = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${flag} must be a positive number`);
    return parsed;
  };
  return {
    json: argv.includes('--json'),
    layers: value('--layers', 12),
    heads: value('--heads', 12),
    tokens: value('--tokens', 128),
    dpr: value('--dpr', 1),
    runs: value('--runs', 40),
  };
}

/** The page's script: builds random attention, lays out the overview once, then times full redraws. */
const pageEntry = `
import { headGridLayout } from './shared/charts/head-grid';
import { paintCellFigure } from './renderer/src/charts/paint-figure';
import { createRng } from './shared/random';

window.benchRender = ({ layers, heads, tokens, dpr, runs }) => {
  const rng = createRng(7);
  const data = new Float32Array(layers * heads * tokens * tokens);
  for (let row = 0; row < layers * heads * tokens; row++) {
    let sum = 0;
    for (let k = 0; k < tokens; k++) sum += data[row * tokens + k] = Math.exp(4 * rng.next());
    for (let k = 0; k < tokens; k++) data[row * tokens + k] /= sum;
  }
  const stack = { layers, heads, queries: tokens, keys: tokens, data };
  const layoutStart = performance.now();
  const layout = headGridLayout(stack, { title: 'bench', domain: 'auto' });
  const layoutMs = performance.now() - layoutStart;
  const canvas = document.querySelector('canvas');
  const context = canvas.getContext('2d');
  const redraw = (panels, run) => {
    const start = performance.now();
    paintCellFigure(canvas, layout, panels, { dpr, focus: { panel: run % panels.length } });
    context.getImageData(0, 0, 1, 1); // wait until the pixels are really there
    return performance.now() - start;
  };
  // Cold: every panel rasterised again from the data (new matrix objects defeat the painter's cache), as when
  // new attention arrives. Warm: the same data repainted (hover, focus), the panels' pixels come from the cache.
  const times = [];
  const warmTimes = [];
  for (let run = 0; run < runs + 3; run++) {
    const fresh = layout.panels.map((panel) => ({ ...panel, matrix: { ...panel.matrix } }));
    const cold = redraw(fresh, run);
    const warm = redraw(fresh, run + 1);
    if (run >= 3) { times.push(cold); warmTimes.push(warm); } // the first runs warm up the JIT
  }
  return { times, warmTimes, layoutMs, width: canvas.width, height: canvas.height };
};
`;

async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: pageEntry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: options.dpr });
    await page.setContent('<!doctype html><html><body style="margin:0"><canvas></canvas></body></html>');
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      (args) =>
        (
          globalThis as unknown as {
            benchRender: (a: typeof args) => {
              times: number[];
              warmTimes: number[];
              layoutMs: number;
              width: number;
              height: number;
            };
          }
        ).benchRender(args),
      {
        layers: options.layers,
        heads: options.heads,
        tokens: options.tokens,
        dpr: options.dpr,
        runs: options.runs,
      },
    );
    const sorted = [...result.times].sort((a, b) => a - b);
    const report = {
      bench: 'render-grid',
      layers: options.layers,
      heads: options.heads,
      tokens: options.tokens,
      median_ms: Number(percentile(sorted, 50).toFixed(2)),
      p95_ms: Number(percentile(sorted, 95).toFixed(2)),
      runs: sorted.length,
      warm_median_ms: Number(
        percentile(
          [...result.warmTimes].sort((a, b) => a - b),
          50,
        ).toFixed(2),
      ),
      dpr: options.dpr,
      canvas_px: `${result.width}x${result.height}`,
      layout_ms: Number(result.layoutMs.toFixed(1)),
      browser: `chromium ${browser.version()}`,
    };
    if (options.json) {
      console.log(JSON.stringify(report));
    } else {
      console.log(
        `Layer × head overview, ${report.layers} layers × ${report.heads} heads at ${report.tokens} tokens ` +
          `(canvas ${report.canvas_px} device px, dpr ${report.dpr}): full redraw median ${report.median_ms} ms, ` +
          `p95 ${report.p95_ms} ms over ${report.runs} runs (repaint of unchanged data: median ` +
          `${report.warm_median_ms} ms); layout once ${report.layout_ms} ms.`,
      );
    }
  } finally {
    await browser.close();
  }
}

await main();
