import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnimation } from '../../../shared/animations/animation';
import { bertMaskingFrames } from '../../../shared/animations/bert-frames';
import { enrichAnimation } from '../../../shared/animations/enrich';
import type { Frame } from '../../../shared/animations/frame';
import { rowOf } from '../../../shared/animations/frame';
import { sentinelLabel } from '../../../shared/text/vocabulary';
import { openAnimationModel } from '../../../main/cli/commands/animate';
import { loadCheckpoint } from '../../../main/engine/checkpoint';
import { defaultVocabulary } from '../../../main/engine/corpus/default-vocabulary';
import { attendText } from '../../../main/engine/infer/attend';
import { parseGif, parseWebm } from '../../shared/animations/media-parsers';
import { runError, runJson, saveTinyCheckpoints } from './cli-checkpoints';

const brown = 'The jury said it did find that many of the registration laws are outmoded.';
/** Sentinels as the animations show them. */
const shown = (tokens: string[]) =>
  tokens.map((t) => t.replace(/^<extra_id_(\d+)>$/, (_, i) => sentinelLabel(Number(i))));
const texts = (frame: Frame | undefined, row: string) =>
  rowOf(frame as Frame, row)?.tokens.map((cell) => cell.text);

let folder: string;
let checkpoints: Awaited<ReturnType<typeof saveTinyCheckpoints>>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'attention-lab-animate-'));
  checkpoints = await saveTinyCheckpoints();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await rm(checkpoints.root, { recursive: true, force: true });
});

describe('animate command', () => {
  it('corrupts exactly as `attention-lab corrupt` does with the same seed and text', async () => {
    const vocab = defaultVocabulary();
    for (const text of ['I love this red car', brown]) {
      for (let seed = 0; seed < 6; seed++) {
        const bert = await runJson([
          'corrupt',
          '--objective',
          'bert',
          '--text',
          text,
          '--seed',
          String(seed),
        ]);
        const frames = buildAnimation('bert', text, vocab, seed).frames;
        const input = frames.find((f) => f.stage === 'input');
        // The animation frames the words with [CLS] … [SEP], as the trainer does: one position further right.
        expect(texts(input, 'input')).toEqual(['[CLS]', ...(bert['input'] as string[]), '[SEP]']);
        const choices = bert['choices'] as Array<{ index: number; kind: string }>;
        const roles = rowOf(input as Frame, 'input')?.tokens.map((cell) => cell.role);
        expect(choices.map((c) => roles?.[c.index + 1])).toEqual(choices.map((c) => c.kind));

        const t5 = await runJson(['corrupt', '--objective', 't5', '--text', text, '--seed', String(seed)]);
        const final = buildAnimation('t5', text, vocab, seed).frames.find((f) => f.stage === 'final');
        expect(texts(final, 'input')).toEqual(shown(t5['input'] as string[]));
        expect(texts(final, 'target')).toEqual(shown(t5['target'] as string[]));
      }
    }
  });

  it('exports a GIF with one picture per step, or cross-fades between them', async () => {
    const cut = join(folder, 'bert.gif');
    const result = await runJson([
      'animate',
      '--objective',
      'bert',
      '--seed',
      '3',
      '--fps',
      '0',
      '--out',
      cut,
    ]);
    const gif = parseGif(await readFile(cut));
    expect(gif).toMatchObject({
      width: 1280,
      height: result['height'],
      frames: result['steps'],
      loops: true,
    });
    expect(result['pictures']).toBe(result['steps']);
    expect(gif.delaysMs.reduce((a, b) => a + b, 0)).toBeCloseTo(result['durationMs'] as number, -2);

    const faded = join(folder, 't5.gif');
    const t5 = await runJson([
      'animate',
      '--objective',
      't5',
      '--text',
      brown,
      '--fps',
      '4',
      '--width',
      '800',
      '--out',
      faded,
    ]);
    const steps = t5['steps'] as number;
    expect(t5['pictures']).toBe(steps + (steps - 1) * 2); // 0.5 s at 4 per second
    expect(parseGif(await readFile(faded))).toMatchObject({
      width: 800,
      height: t5['height'],
      frames: t5['pictures'],
    });
  });

  it('exports a WebM of VP8 keyframes with the frame size and duration', async () => {
    const out = join(folder, 'gpt.webm');
    const result = await runJson([
      'animate',
      '--objective',
      'gpt',
      '--fps',
      '2',
      '--lang',
      'id',
      '--out',
      out,
    ]);
    const webm = parseWebm(await readFile(out));
    expect(webm).toMatchObject({ docType: 'webm', codec: 'V_VP8', width: 1280, height: result['height'] });
    expect(webm.blocks).toBe(result['pictures']);
    expect(webm.keyframes).toBe(webm.blocks);
    expect(webm.durationMs).toBe(result['durationMs']);
  });

  it('fills the frames with a checkpoint’s attention and guesses, and generates with a GPT', async () => {
    for (const family of ['bert', 't5', 'gpt'] as const) {
      const out = join(folder, `${family}-model.gif`);
      const result = await runJson([
        'animate',
        '--objective',
        family,
        '--checkpoint',
        checkpoints.dirs[family],
        '--fps',
        '0',
        '--width',
        '640',
        '--out',
        out,
      ]);
      expect(parseGif(await readFile(out)).frames).toBe(result['steps']);
    }
    const opened = await openAnimationModel(checkpoints.dirs.bert, 'bert');
    try {
      const animation = bertMaskingFrames('i love this red car', opened.vocab, 2);
      const frames = await enrichAnimation(animation, opened.vocab, opened.ask, { modelId: opened.modelId });
      const slot = frames.find((f) => f.stage === 'attention')?.attention[0];
      // Independently: the last layer's heads averaged by hand from the engine's own attention.
      const { model, vocab } = await loadCheckpoint(checkpoints.dirs.bert);
      const text = vocab.decode(animation.masked.input.slice(1, -1)).join(' ');
      const encoder = attendText(model, vocab, { text }).attention.encoder;
      model.dispose();
      if (!encoder || !slot) throw new Error('no attention');
      const { heads, queries, keys, layers } = encoder;
      slot.weights?.forEach((weight, k) => {
        let sum = 0;
        for (let h = 0; h < heads; h++)
          sum += encoder.data[(((layers - 1) * heads + h) * queries + slot.query.index) * keys + k] ?? 0;
        expect(weight).toBeCloseTo(sum / heads, 5);
      });
      const predictions = frames.find((f) => f.stage === 'loss')?.predictions ?? [];
      expect(predictions.length).toBe(animation.masked.choices.length);
      for (const p of predictions) {
        expect(p.candidates).toHaveLength(5);
        const probabilities = p.candidates?.map((c) => c.probability) ?? [];
        expect([...probabilities].sort((a, b) => b - a)).toEqual(probabilities);
      }
    } finally {
      opened.close();
    }
    const gpt = await openAnimationModel(checkpoints.dirs.gpt, 'gpt');
    try {
      const animation = buildAnimation('gpt', 'i love this red car', gpt.vocab, 0);
      const frames = await enrichAnimation(animation, gpt.vocab, gpt.ask, {
        modelId: gpt.modelId,
        generateTokens: 3,
      });
      const generated = frames.filter((f) => f.stage === 'generate');
      expect(generated.length).toBeGreaterThan(0);
      for (const f of generated) {
        const weights = f.attention[0]?.weights ?? [];
        expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      }
    } finally {
      gpt.close();
    }
  });

  it('explains a wrong file type and a checkpoint of another family', async () => {
    expect(
      (await runError(['animate', '--objective', 'bert', '--out', join(folder, 'x.mp4')])).message,
    ).toMatch(/\.gif or \.webm/);
    const wrong = await runError([
      'animate',
      '--objective',
      'bert',
      '--checkpoint',
      checkpoints.dirs.gpt,
      '--out',
      join(folder, 'x.gif'),
    ]);
    expect(wrong.code).toBe('wrong-model-family');
  });
});
