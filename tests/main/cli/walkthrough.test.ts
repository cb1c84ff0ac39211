import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chapterWalkthrough } from '../../../shared/walkthrough/chapter';
import { serializeWalkthrough } from '../../../shared/walkthrough/parse';
import { runCli } from './cli-checkpoints';

let root: string;
const chapter = chapterWalkthrough();

/** Width, height and how many distinct colours a PNG has (drawn 1:1 by resvg). */
async function inspectPng(path: string): Promise<{ width: number; height: number; colours: number }> {
  const png = await readFile(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const pixels = new Uint32Array(new Uint8Array(new Resvg(svg).render().pixels).buffer);
  const colours = new Set<number>();
  for (let i = 0; i < pixels.length && colours.size < 50; i += 97) colours.add(pixels[i] ?? 0);
  return { width, height, colours: colours.size };
}

beforeAll(async () => {
  vi.stubEnv('ATTENTION_LAB_BACKEND', 'cpu');
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'attention-lab-cli-walkthrough-'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

describe('walkthrough command', () => {
  it.each(['en', 'id'])('writes one numbered 1600 × 900 PNG per step of the chapter (%s)', async (lang) => {
    const out = join(root, lang);
    const { code, out: lines, err } = await runCli(['walkthrough', '--lang', lang, '--out', out, '--json']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0] ?? '') as { files: string[]; lang: string; steps: number };
    expect(report.lang).toBe(lang);
    expect(report.steps).toBe(chapter.steps.length);
    const names = chapter.steps.map((step, i) => `${String(i + 1).padStart(2, '0')}-${step.id}.png`);
    expect(names[0]).toBe('01-why-pretraining.png');
    expect(report.files).toEqual(names.map((name) => join(out, name)));
    expect((await readdir(out)).sort()).toEqual(['.attention-lab-slides.json', ...names].sort());
    for (const file of report.files) {
      const png = await inspectPng(file);
      expect([png.width, png.height], file).toEqual([1600, 900]);
      expect(png.colours, file).toBeGreaterThan(3); // text and a figure, not a blank page
    }
  });

  it('reads a walkthrough file and exports at scale 2', async () => {
    const file = join(root, 'mine.json');
    const mine = { ...chapter, steps: chapter.steps.filter((step) => step.id === 'summary') };
    await writeFile(file, serializeWalkthrough(mine));
    const out = join(root, 'mine');
    const { code, out: lines } = await runCli([
      'walkthrough',
      '--file',
      file,
      '--lang',
      'id',
      '--out',
      out,
      '--scale',
      '2',
    ]);
    expect(code).toBe(0);
    expect(lines[0]).toContain(`Wrote 1 slides (id) to ${out}`);
    const png = await inspectPng(join(out, '01-summary.png'));
    expect([png.width, png.height]).toEqual([3200, 1800]);
  });

  it('names the file, line and column of a malformed walkthrough, with exit code 2 and nothing written', async () => {
    const file = join(root, 'broken.json');
    await writeFile(file, '{\n  "format": "attention-lab-walkthrough",\n  "version": 1,\n}\n');
    const out = join(root, 'broken');
    const { code, out: lines, err } = await runCli(['walkthrough', '--file', file, '--out', out]);
    expect(code).toBe(2);
    expect(lines).toEqual([]);
    expect(err.join('\n')).toContain(`${file}: This walkthrough file is not valid JSON: line 4, column 1`);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('names the step and field of a schema mistake, and explains a missing file and a wrong flag', async () => {
    const file = join(root, 'wrong.json');
    const data = JSON.parse(serializeWalkthrough(chapter)) as { steps: Record<string, unknown>[] };
    delete (data.steps[4]?.['narration'] as Record<string, unknown>)['id'];
    await writeFile(file, JSON.stringify(data));
    const wrong = await runCli(['walkthrough', '--file', file, '--out', join(root, 'w')]);
    expect(wrong.code).toBe(2);
    expect(wrong.err.join('\n')).toContain(
      'step 5 (id "t5-span-corruption"), field narration.id: is missing',
    );
    const missing = await runCli([
      'walkthrough',
      '--file',
      join(root, 'nope.json'),
      '--out',
      join(root, 'w'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain('there is no such file');
    const lang = await runCli(['walkthrough', '--lang', 'fr', '--out', join(root, 'w')]);
    expect(lang.code).toBe(2);
    expect(lang.err.join('\n')).toContain('--lang must be one of en, id; got "fr"');
  });
});
