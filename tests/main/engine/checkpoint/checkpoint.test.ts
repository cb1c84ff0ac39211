import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from '../../../../main/engine/checkpoint';
import type { ModelFamily } from '../../../../main/engine/models/config';
import { createModel } from '../../../../main/engine/models/model';
import type { ModelInput, TransformerModel } from '../../../../main/engine/models/model';
import { LabError } from '../../../../shared/contract/errors';
import { tinyBatch, tinyConfig, tinyVocabulary } from '../models/tiny-models';

const vocab = tinyVocabulary();
const record = { steps: 12, seed: 3, corpus: 'brown', losses: [{ step: 10, loss: 2.5, valLoss: 2.75 }] };
let root = '';

/** Logits and attention of `input` as plain arrays. */
function outputs(model: TransformerModel, input: ModelInput): number[][] {
  return tf.tidy(() => {
    const { logits, attention } = model.forward(input);
    const maps = [...(attention.encoder ?? []), ...(attention.decoder ?? []), ...(attention.cross ?? [])];
    return [Array.from(logits.dataSync()), ...maps.map((m) => Array.from(m.dataSync()))];
  });
}

function config(family: ModelFamily) {
  return tinyConfig(family, { vocabSize: vocab.size, ...(family === 'bert' ? { nextSentence: true } : {}) });
}

/** Saves a fresh model of `family` to a new folder and returns the folder. */
async function savedFolder(family: ModelFamily, name: string): Promise<string> {
  const dir = join(root, name);
  const model = createModel(config(family), 5);
  await saveCheckpoint(dir, model, vocab, record);
  model.dispose();
  return dir;
}

async function expectError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LabError);
  expect((error as LabError).code).toBe(code);
  expect((error as Error).message).toMatch(message);
}

async function editJson(file: string, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  await writeFile(file, JSON.stringify(json));
}

describe('checkpoints', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    root = await mkdtemp(join(tmpdir(), 'attention-lab-checkpoint-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  for (const family of ['gpt', 'bert', 't5'] as const) {
    it(`${family}: save → load gives identical outputs, vocabulary and metadata`, async () => {
      const model = createModel(config(family), 8);
      const dir = join(root, `round-trip-${family}`);
      await saveCheckpoint(dir, model, vocab, record);
      const loaded = await loadCheckpoint(dir, { expectFamily: family });
      const batch = tinyBatch(model.config);
      expect(outputs(loaded.model, batch)).toEqual(outputs(model, batch));
      expect(loaded.config).toEqual(model.config);
      expect(loaded.vocab.tokens).toEqual(vocab.tokens);
      expect(loaded.training).toMatchObject(record);
      expect(Date.parse(loaded.training.createdAt)).not.toBeNaN();
      expect((await readdir(dir)).sort()).toEqual([
        'config.json',
        'tokenizer.json',
        'training.json',
        'weights.bin',
        'weights.json',
      ]);
      model.dispose();
      loaded.model.dispose();
    });
  }

  it('replaces an existing checkpoint atomically, leaving no temporary folders', async () => {
    const dir = await savedFolder('gpt', 'replace');
    const other = createModel(config('gpt'), 99);
    await saveCheckpoint(dir, other, vocab, { ...record, steps: 99 });
    const loaded = await loadCheckpoint(dir);
    expect(loaded.training.steps).toBe(99);
    const batch = tinyBatch(other.config);
    expect(outputs(loaded.model, batch)).toEqual(outputs(other, batch));
    expect((await readdir(root)).filter((name) => name.startsWith('.'))).toEqual([]);
    other.dispose();
    loaded.model.dispose();
  });

  it('refuses to overwrite a folder that holds other files', async () => {
    const dir = join(root, 'not-a-checkpoint');
    const model = createModel(config('gpt'), 1);
    await saveCheckpoint(join(dir, 'nested'), model, vocab, record); // creates the parent folder
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await expectError(
      saveCheckpoint(dir, model, vocab, record),
      'invalid-argument',
      /is not empty and is not an Attention Lab checkpoint; choose an empty or new folder/,
    );
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    model.dispose();
  });

  it('refuses a folder whose config.json is not one of its checkpoints, and keeps every file there', async () => {
    const dir = join(root, 'foreign-config');
    const model = createModel(config('gpt'), 1);
    await saveCheckpoint(dir, model, vocab, record);
    // Some other tool's folder: a config.json of its own beside the student's files.
    await writeFile(join(dir, 'config.json'), JSON.stringify({ name: 'my project' }));
    await writeFile(join(dir, 'thesis.tex'), 'mine');
    await expectError(saveCheckpoint(dir, model, vocab, record), 'invalid-argument', /not an Attention Lab/);
    await writeFile(join(dir, 'config.json'), 'not json');
    await expectError(saveCheckpoint(dir, model, vocab, record), 'invalid-argument', /not an Attention Lab/);
    expect(await readFile(join(dir, 'thesis.tex'), 'utf8')).toBe('mine');
    // An empty folder is fine.
    const empty = join(root, 'empty-folder');
    await mkdir(empty);
    await saveCheckpoint(empty, model, vocab, record);
    expect((await loadCheckpoint(empty)).training.steps).toBe(record.steps);
    model.dispose();
  });

  it('names the wrong family when one is expected', async () => {
    const dir = await savedFolder('bert', 'family');
    await expectError(loadCheckpoint(dir, { expectFamily: 'gpt' }), 'wrong-model-family', /BERT.*GPT/);
  });

  it('reports a missing folder, missing files and damaged JSON', async () => {
    await expectError(loadCheckpoint(join(root, 'nowhere')), 'not-found', /no checkpoint folder/);
    const dir = await savedFolder('gpt', 'missing');
    await rm(join(dir, 'tokenizer.json'));
    await expectError(loadCheckpoint(dir), 'invalid-checkpoint', /tokenizer\.json is missing/);
    const broken = await savedFolder('gpt', 'broken-json');
    await writeFile(join(broken, 'training.json'), '{"steps": 1,');
    await expectError(loadCheckpoint(broken), 'invalid-checkpoint', /training\.json .* not valid JSON/);
  });

  it('reports a truncated weights file', async () => {
    const dir = await savedFolder('t5', 'truncated');
    const size = (await readFile(join(dir, 'weights.bin'))).byteLength;
    await truncate(join(dir, 'weights.bin'), size - 4);
    await expectError(loadCheckpoint(dir), 'invalid-checkpoint', /weights\.bin .* truncated/);
  });

  it('reports names and shapes that do not match the model', async () => {
    const renamed = await savedFolder('gpt', 'renamed');
    await editJson(join(renamed, 'weights.json'), (json) => {
      (json['weights'] as { name: string }[])[0]!.name = 'embedding.tokens';
    });
    await expectError(loadCheckpoint(renamed), 'invalid-checkpoint', /weights\.json .* embedding\.tokens/);
    const reshaped = await savedFolder('gpt', 'reshaped');
    await editJson(join(reshaped, 'config.json'), (json) => {
      (json['config'] as { dFf: number }).dFf = 32;
    });
    await expectError(
      loadCheckpoint(reshaped),
      'invalid-checkpoint',
      /shape \[8, 16\], the model needs \[8, 32\]/,
    );
  });

  it('reports an unknown format version, a foreign file and a vocabulary of the wrong size', async () => {
    const newer = await savedFolder('gpt', 'newer');
    await editJson(join(newer, 'config.json'), (json) => (json['formatVersion'] = 2));
    await expectError(loadCheckpoint(newer), 'invalid-checkpoint', /format version 2.*update/);
    const foreign = await savedFolder('gpt', 'foreign');
    await writeFile(join(foreign, 'config.json'), JSON.stringify({ model_type: 'gpt2' }));
    await expectError(loadCheckpoint(foreign), 'invalid-checkpoint', /not an Attention Lab checkpoint/);
    const vocabulary = await savedFolder('gpt', 'vocabulary');
    await editJson(join(vocabulary, 'tokenizer.json'), (json) => (json['tokens'] as string[]).pop());
    await expectError(
      loadCheckpoint(vocabulary),
      'invalid-checkpoint',
      /tokenizer\.json .* tokens but config\.json/,
    );
    const sizes = await savedFolder('gpt', 'sizes');
    await editJson(join(sizes, 'config.json'), (json) => ((json['config'] as { heads: number }).heads = 3));
    await expectError(loadCheckpoint(sizes), 'invalid-checkpoint', /impossible sizes.*divisible/);
  });

  it('keeps the number of tensors flat over repeated loads', async () => {
    const dir = await savedFolder('t5', 'memory');
    const damaged = await savedFolder('t5', 'memory-damaged');
    await truncate(join(damaged, 'weights.bin'), 8);
    (await loadCheckpoint(dir)).model.dispose();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) (await loadCheckpoint(dir)).model.dispose();
    await expect(loadCheckpoint(damaged)).rejects.toThrow(/truncated/); // a failed load frees its model too
    expect(tf.memory().numTensors).toBe(before);
  });
});
