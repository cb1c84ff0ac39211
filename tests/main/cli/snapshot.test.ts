import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Output } from '../../../main/cli/command';
import { main } from '../../../main/cli/index';
import { saveCheckpoint } from '../../../main/engine/checkpoint';
import { createModel } from '../../../main/engine/models/model';
import { parseColor } from '../../../shared/charts/color-math';
import { tinyConfig, tinyVocabulary } from '../engine/models/tiny-models';

let root: string;
const checkpoints = { gpt: '', t5: '' };
const text = 'I love this red car';

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (line) => out.push(line), err: (line) => err.push(line), isTty: false };
  const code = await main(['snapshot', ...argv], output);
  return { code, out, err };
}

/** Runs a snapshot that must succeed; returns its JSON report. */
async function snapshot(
  argv: string[],
): Promise<{ path: string; width: number; height: number; bytes: number }> {
  const result = await run([...argv, '--json']);
  expect(result.err).toEqual([]);
  expect(result.code).toBe(0);
  return JSON.parse(result.out[0] ?? '') as { path: string; width: number; height: number; bytes: number };
}

/** Decodes a PNG file by drawing it 1:1 with resvg (exact: no resampling at identity). */
async function decodePng(path: string): Promise<{ width: number; height: number; pixels: Uint8Array }> {
  const png = await readFile(path);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const image = new Resvg(svg).render();
  return { width, height, pixels: new Uint8Array(image.pixels) };
}

/** The cell rectangles of a heatmap SVG, in drawing order (row by row). */
function cellRects(svg: string): { x: number; y: number; w: number; h: number; fill: string }[] {
  const group = /<g shape-rendering="crispEdges">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [
    ...group.matchAll(
      /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="([^"]+)"\/>/g,
    ),
  ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]), fill: m[5] ?? '' }));
}

beforeAll(async () => {
  vi.stubEnv('ATTENTION_LAB_BACKEND', 'cpu');
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'attention-lab-snapshot-'));
  const vocab = tinyVocabulary();
  for (const family of ['gpt', 't5'] as const) {
    const model = createModel(tinyConfig(family, { vocabSize: vocab.size, layers: 2, maxLength: 12 }), 3);
    checkpoints[family] = join(root, `tiny-${family}`);
    await saveCheckpoint(checkpoints[family], model, vocab, { steps: 0, seed: 3, corpus: 'test' });
    model.dispose();
  }
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

describe('snapshot command', () => {
  it('exports PNGs of the requested pixel size at 1×, 2× and 4× that are not blank', async () => {
    const svg = await snapshot([
      '--checkpoint',
      checkpoints.gpt,
      '--view',
      'head',
      '--text',
      text,
      '--out',
      join(root, 'head.svg'),
    ]);
    for (const scale of [1, 2, 4]) {
      const out = join(root, `head-${scale}x.png`);
      const png = await snapshot([
        '--checkpoint',
        checkpoints.gpt,
        '--view',
        'head',
        '--text',
        text,
        '--scale',
        String(scale),
        '--out',
        out,
      ]);
      expect([png.width, png.height]).toEqual([svg.width * scale, svg.height * scale]);
      const image = await decodePng(out);
      expect([image.width, image.height]).toEqual([png.width, png.height]);
      const colours = new Set<number>();
      for (let i = 0; i < image.pixels.length; i += 4 * 7) {
        colours.add(
          ((image.pixels[i] ?? 0) << 16) | ((image.pixels[i + 1] ?? 0) << 8) | (image.pixels[i + 2] ?? 0),
        );
      }
      expect(colours.size).toBeGreaterThan(20);
    }
  });

  it('draws every cell above the diagonal of the causal view masked, and no cell on or below it', async () => {
    const svgPath = join(root, 'causal.svg');
    const pngPath = join(root, 'causal.png');
    const args = [
      '--checkpoint',
      checkpoints.gpt,
      '--view',
      'head',
      '--text',
      text,
      '--layer',
      '1',
      '--head',
      '1',
    ];
    await snapshot([...args, '--out', svgPath]);
    await snapshot([...args, '--scale', '1', '--out', pngPath]);
    const cells = cellRects(await readFile(svgPath, 'utf8'));
    const n = 6; // <bos> i love this red car
    expect(cells).toHaveLength(n * n);
    const image = await decodePng(pngPath);
    cells.forEach((cell, i) => {
      const [row, col] = [Math.floor(i / n), i % n];
      expect(cell.fill === 'url(#al-masked)').toBe(col > row);
      const at = (Math.round(cell.y + cell.h / 2) * image.width + Math.round(cell.x + 4)) * 4;
      const pixel = [image.pixels[at] ?? 0, image.pixels[at + 1] ?? 0, image.pixels[at + 2] ?? 0];
      const isGrey = Math.max(...pixel) - Math.min(...pixel) <= 3;
      expect(isGrey).toBe(col > row);
      if (col <= row) expect(pixel).toEqual([...parseColor(cell.fill)]);
    });
  });

  it('gives the T5 cross view target rows and input columns, and writes the triptych with its caption', async () => {
    const target = 'love red car';
    const base = ['--checkpoint', checkpoints.t5, '--text', 'i this', '--target', target];
    const out = join(root, 'cross.svg');
    await snapshot([...base, '--view', 'head', '--attention', 'cross', '--out', out]);
    const cells = cellRects(await readFile(out, 'utf8'));
    expect(new Set(cells.map((cell) => cell.y)).size).toBe(4); // [PAD] love red car
    expect(new Set(cells.map((cell) => cell.x)).size).toBe(2); // i this
    const triptych = join(root, 'triptych.svg');
    await snapshot([...base, '--view', 'triptych', '--head', 'average', '--out', triptych]);
    const svg = await readFile(triptych, 'utf8');
    expect(() => new Resvg(svg)).not.toThrow();
    for (const line of [
      'Model: T5 (encoder–decoder)',
      'Checkpoint: tiny-t5',
      'Text: “i this”',
      `Target: “${target}”`,
      'cross-attention',
    ]) {
      expect(svg).toContain(line);
    }
  });

  it('writes the figure’s words in Bahasa Indonesia with --lang id, and in English by default', async () => {
    const base = ['--checkpoint', checkpoints.t5, '--text', 'i this', '--target', 'love red car'];
    const id = join(root, 'triptych-id.svg');
    await snapshot([...base, '--view', 'triptych', '--head', 'average', '--lang', 'id', '--out', id]);
    const svg = await readFile(id, 'utf8');
    expect(() => new Resvg(svg)).not.toThrow();
    for (const line of [
      'Perhatian T5 — lapisan 0, rata-rata head',
      'Model: T5 (encoder–decoder)',
      'Lapisan: 0',
      'Head: rata-rata',
      'Teks: “i this”',
      'Tanggal: ',
      'self-attention decoder (kausal)',
      'bobot perhatian',
    ]) {
      expect(svg).toContain(line);
    }
    for (const english of ['T5 attention', 'Text: ', 'Date: ', 'Layer: ', 'attention weight', '(causal)']) {
      expect(svg).not.toContain(english);
    }
    const en = join(root, 'triptych-en.svg');
    await snapshot([...base, '--view', 'triptych', '--head', 'average', '--out', en]);
    expect(await readFile(en, 'utf8')).toContain('T5 attention — layer 0, head average');
  });

  it('writes atomically: the file is replaced whole and no temporary file is left behind', async () => {
    const folder = await mkdtemp(join(root, 'atomic-'));
    const out = join(folder, 'grid.png');
    await writeFile(out, 'old');
    await snapshot([
      '--checkpoint',
      checkpoints.gpt,
      '--view',
      'grid',
      '--text',
      text,
      '--scale',
      '1',
      '--out',
      out,
    ]);
    expect((await readFile(out)).subarray(1, 4).toString()).toBe('PNG');
    expect(await readdir(folder)).toEqual(['grid.png']);
  });

  it.each([
    [['--text', '   ', '--view', 'head'], /--text is empty/],
    [['--text', text, '--view', 'pie'], /--view must be one of head, grid, lines, mask, triptych/],
    [['--text', text, '--view', 'head', '--layer', '7'], /no layer 7: this model has layers 0 to 1/],
    [['--text', text, '--view', 'head', '--head', '5'], /no head 5: this model has heads 0 to 1/],
    [['--text', text, '--view', 'head', '--scale', '9'], /--scale must be a number from 1 to 4/],
    [['--text', text, '--view', 'triptych'], /triptych needs an encoder–decoder \(T5\) model/],
    [['--text', text, '--view', 'head', '--attention', 'cross'], /has no cross attention/],
    [['--text', text, '--view', 'head', '--theme', 'sepia'], /--theme must be one of light, dark/],
    [['--text', text, '--view', 'head', '--lang', 'fr'], /--lang must be one of en, id/],
  ])('refuses bad input %j with a clear message', async (args, message) => {
    const result = await run(['--checkpoint', checkpoints.gpt, ...args, '--out', join(root, 'bad.png')]);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toMatch(message);
  });

  it('refuses an output it cannot write before running the model', async () => {
    const missing = await run([
      '--checkpoint',
      checkpoints.gpt,
      '--view',
      'head',
      '--text',
      text,
      '--out',
      join(root, 'no-such-folder', 'x.png'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toMatch(/Cannot write .*x\.png: the folder .* does not exist/);
    const folderPath = join(root, 'a-folder.png');
    await mkdir(folderPath);
    const folder = await run([
      '--checkpoint',
      checkpoints.gpt,
      '--view',
      'head',
      '--text',
      text,
      '--out',
      folderPath,
    ]);
    expect(folder.code).toBe(2);
    expect(folder.err.join('\n')).toMatch(/a folder has that name/);
    const extension = await run([
      '--checkpoint',
      checkpoints.gpt,
      '--view',
      'head',
      '--text',
      text,
      '--out',
      join(root, 'x.jpg'),
    ]);
    expect(extension.err.join('\n')).toMatch(/must end in \.png or \.svg/);
  });
});
