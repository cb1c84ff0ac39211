import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobLock } from '../../../main/engine/job-lock';
import { runRequest } from '../../../main/engine/server';
import type { EngineHandlers } from '../../../main/engine/server';
import { walkthroughSlides } from '../../../main/engine/walkthrough/export';
import { createWalkthroughHandlers } from '../../../main/engine/walkthrough/handlers';
import { figureText } from '../../../shared/charts/figure-text';
import { chapterWalkthrough } from '../../../shared/walkthrough/chapter';
import type { WalkthroughInput, WalkthroughLanguage } from '../../../shared/walkthrough/schema';

let root: string;
const chapter = chapterWalkthrough();
const handlers = createWalkthroughHandlers() as EngineHandlers;
const context = { emit: () => undefined };

/** The text content of every `<text>` element, unescaped, joined by spaces. */
function allText(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)]
    .map((m) => m[1] ?? '')
    .join(' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A one-step walkthrough around `step`. */
function single(step: Record<string, unknown>): WalkthroughInput {
  const both = { en: 'x', id: 'y' };
  return {
    format: 'attention-lab-walkthrough',
    version: 1,
    title: both,
    steps: [{ id: 'only', title: both, narration: both, ...step } as WalkthroughInput['steps'][number]],
  };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'attention-lab-walkthrough-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('walkthroughSlides', () => {
  it.each<WalkthroughLanguage>(['en', 'id'])(
    'draws every step of the chapter as a parseable 1600 × 900 SVG with its narration (%s)',
    async (language) => {
      const slides = await walkthroughSlides(chapter, language);
      expect(slides).toHaveLength(chapter.steps.length);
      slides.forEach((svg, index) => {
        const step = chapter.steps[index];
        if (!step) throw new Error('missing step');
        const image = new Resvg(svg).render(); // throws on malformed SVG
        expect([image.width, image.height], step.id).toEqual([1600, 900]);
        const text = allText(svg);
        expect(text, step.id).toContain(step.narration[language]);
        expect(text, step.id).toContain(`${index + 1} / ${chapter.steps.length}`);
        // Every step but a text step shows its live view.
        expect(/<svg x=/.test(svg), step.id).toBe(step.kind !== 'text');
      });
      const few = slides[chapter.steps.findIndex((step) => step.id === 'few-shot')] ?? '';
      expect(allText(few)).toMatch(/thursday -- \S/); // the model's continuation follows the prompt
      const span = slides[chapter.steps.findIndex((step) => step.id === 't5-span-corruption')] ?? '';
      expect(allText(span)).toContain('<Z>');
      // The figure inside the slide speaks the slide's language too.
      const triptych = allText(slides[chapter.steps.findIndex((step) => step.id === 't5-triptych')] ?? '');
      expect(triptych).toContain(figureText(language).t5Attention);
      expect(triptych).not.toContain(figureText(language === 'en' ? 'id' : 'en').t5Attention);
    },
  );
});

describe('walkthrough:export', () => {
  it('writes one PNG per step through the handler, at the requested scale', async () => {
    const outDir = join(root, 'deck', 'id');
    const walkthrough = single({
      kind: 'attention',
      model: 'gpt-tiny',
      text: 'I love this red car',
      view: 'head',
    });
    walkthrough.steps.push({
      id: 'end',
      kind: 'text',
      title: { en: 'End', id: 'Akhir' },
      narration: { en: 'The end.', id: 'Selesai.' },
    });
    const result = await runRequest(
      handlers,
      'walkthrough:export',
      { walkthrough, lang: 'id', outDir, scale: 2 },
      context,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toEqual({ files: [join(outDir, '01-only.png'), join(outDir, '02-end.png')] });
    expect((await readdir(outDir)).sort()).toEqual([
      '.attention-lab-slides.json',
      '01-only.png',
      '02-end.png',
    ]); // no temporary files left
    const png = await readFile(join(outDir, '02-end.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([3200, 1800]);
  });

  it('removes the slides an earlier, longer export wrote and nothing else', async () => {
    const outDir = join(root, 'reexport');
    const text = (id: string) => ({ id, kind: 'text', title: { en: id, id }, narration: { en: id, id } });
    const first = single({ kind: 'text' });
    first.steps.push(text('middle') as never, text('old-end') as never);
    const before = await runRequest(
      handlers,
      'walkthrough:export',
      { walkthrough: first, lang: 'en', outDir },
      context,
    );
    expect(before.ok).toBe(true);
    // The student's own files, including PNGs and a folder whose names are close to a slide's.
    const own = [
      'notes.txt',
      '1-cover.png',
      '03-Draft.png',
      '04-draft.png.bak',
      'cover.png',
      '07-holiday.png',
    ];
    for (const name of own) await writeFile(join(outDir, name), 'mine');
    await mkdir(join(outDir, '05-folder.png'));

    const second = single({ kind: 'text' });
    second.steps.push(text('end') as never);
    const after = await runRequest(
      handlers,
      'walkthrough:export',
      { walkthrough: second, lang: 'en', outDir },
      context,
    );
    expect(after.ok && (after.value as { files: string[] }).files).toEqual([
      join(outDir, '01-only.png'),
      join(outDir, '02-end.png'),
    ]);
    // 02-middle.png and 03-old-end.png were the first deck's; they are gone.
    expect((await readdir(outDir)).sort()).toEqual(
      ['.attention-lab-slides.json', '01-only.png', '02-end.png', '05-folder.png', ...own].sort(),
    );
    for (const name of own) expect(await readFile(join(outDir, name), 'utf8')).toBe('mine');
  });

  it('answers busy while a training or fine-tuning run holds the engine, and writes nothing', async () => {
    const lock = new JobLock();
    const guarded = createWalkthroughHandlers(lock) as EngineHandlers;
    const outDir = join(root, 'busy');
    const release = lock.acquire('A training run');
    const refused = await runRequest(
      guarded,
      'walkthrough:export',
      { walkthrough: single({ kind: 'text' }), lang: 'en', outDir },
      context,
    );
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'busy',
      message: 'A training run is still going: wait for it or cancel it first.',
    });
    expect(await readdir(root)).not.toContain('busy');
    release();
    const done = await runRequest(
      guarded,
      'walkthrough:export',
      { walkthrough: single({ kind: 'text' }), lang: 'en', outDir },
      context,
    );
    expect(done.ok).toBe(true);
    // The export released the slot again: a training run can start.
    expect(() => lock.acquire('A training run')()).not.toThrow();
  });

  it('names the step when its view does not fit its model', async () => {
    const walkthrough = single({
      kind: 'attention',
      model: 'bert-tiny',
      text: 'I love this red car',
      view: 'triptych',
    });
    const result = await runRequest(
      handlers,
      'walkthrough:export',
      { walkthrough, lang: 'en', outDir: root },
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('wrong-model-family');
    expect(result.error.message).toBe(
      'Step 1 (id "only"): the triptych needs a T5 model, not BERT (encoder-only).',
    );
  });

  it('explains a layer or head the model does not have', async () => {
    const walkthrough = single({
      kind: 'attention',
      model: 'bert-tiny',
      text: 'I love this',
      view: 'head',
      layer: 7,
    });
    const result = await runRequest(
      handlers,
      'walkthrough:export',
      { walkthrough, lang: 'en', outDir: root },
      context,
    );
    expect(!result.ok && result.error.code).toBe('invalid-argument');
    expect(!result.ok && result.error.message).toMatch(
      /^Step 1 \(id "only"\): .* has 2 layers × 4 heads of encoder attention/,
    );
  });

  it('refuses a relative folder, an invalid walkthrough and a folder that is a file', async () => {
    const walkthrough = single({ kind: 'text' });
    const relative = await runRequest(
      handlers,
      'walkthrough:export',
      { walkthrough, lang: 'en', outDir: 'deck' },
      context,
    );
    expect(!relative.ok && relative.error.code).toBe('invalid-payload');
    const invalid = await runRequest(
      handlers,
      'walkthrough:export',
      { walkthrough: { ...walkthrough, steps: [] }, lang: 'en', outDir: root },
      context,
    );
    expect(!invalid.ok && invalid.error.code).toBe('invalid-payload');
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    const blocked = await runRequest(
      handlers,
      'walkthrough:export',
      { walkthrough, lang: 'en', outDir: file },
      context,
    );
    expect(!blocked.ok && blocked.error.code).toBe('invalid-argument');
    expect(!blocked.ok && blocked.error.message).toContain('Cannot create the folder');
  });
});
