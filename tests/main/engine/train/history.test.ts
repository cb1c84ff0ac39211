import { readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../../../../main/engine/checkpoint';
import { fromFloat16Bits, toFloat16Bits } from '../../../../main/engine/checkpoint/float16';
import { OpenModels } from '../../../../main/engine/session/open-models';
import { historyDir, plannedHistorySteps } from '../../../../main/engine/train/history-folder';
import { TrainingRuns } from '../../../../main/engine/train/runs';
import { trainStartSchema } from '../../../../shared/contract/train';
import type { TrainStartInput } from '../../../../shared/contract/train';
import { engineCaller, saveTiny, temporaryFolder } from '../session/fixtures';

let root = '';
let models: OpenModels;
let engine: ReturnType<typeof engineCaller>;
const runs = new TrainingRuns();

/** A GPT small enough that a step takes milliseconds on the cpu backend. */
const small = { dModel: 16, heads: 2, layers: 1, dFf: 32, maxLength: 16, vocabSize: 256 };

/** Trains a tiny GPT into `outDir` to the end; resolves with the final state. */
async function trainTiny(outDir: string, overrides: Partial<TrainStartInput> = {}): Promise<string> {
  const request = trainStartSchema.parse({
    family: 'gpt',
    sizes: small,
    steps: 6,
    batchSize: 4,
    checkpointEvery: 2,
    evalEvery: 3,
    outDir,
    ...overrides,
  });
  const { finished } = await runs.start(request, () => {});
  return finished;
}

/** Every weight of the checkpoint in `dir`, by name. */
async function weightsOf(dir: string): Promise<Map<string, Float32Array>> {
  const loaded = await loadCheckpoint(dir);
  const weights = new Map([...loaded.model.weights].map(([name, v]) => [name, v.dataSync() as Float32Array]));
  loaded.model.dispose();
  return weights;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  root = await temporaryFolder();
  models = new OpenModels({ capacity: 1, builtinRoot: root });
  engine = engineCaller(models);
});

afterAll(async () => {
  models.dispose();
  await rm(root, { recursive: true, force: true });
});

describe('history-folder plannedHistorySteps', () => {
  it('keeps step 0, every periodic save and the last step', () => {
    expect(plannedHistorySteps(10, 5)).toEqual([0, 5, 10]);
    expect(plannedHistorySteps(10, 3)).toEqual([0, 3, 6, 9, 10]);
    expect(plannedHistorySteps(10, 0)).toEqual([0, 10]);
    expect(plannedHistorySteps(3, 10)).toEqual([0, 3]);
  });

  it('thins a long history evenly to the cap, keeping the first and the last save', () => {
    // Saves at 1…100, room for 4 besides step 0: indices round(i · 99 / 3) = 0, 33, 66, 99.
    expect(plannedHistorySteps(100, 1, 5)).toEqual([0, 1, 34, 67, 100]);
    const steps = plannedHistorySteps(1_000_000, 1);
    expect(steps).toHaveLength(50);
    expect(steps.slice(0, 2)).toEqual([0, 1]);
    expect(steps.at(-1)).toBe(1_000_000);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1] ?? Infinity);
  });
});

describe('run history', () => {
  it('a run with checkpointEvery keeps float16 copies of step 0, every save and the last, each loadable', async () => {
    const out = join(root, 'run');
    expect(await trainTiny(out)).toBe('done');
    expect((await readdir(historyDir(out))).sort()).toEqual([
      'step-000000',
      'step-000002',
      'step-000004',
      'step-000006',
    ]);
    for (const name of await readdir(historyDir(out))) {
      const manifest = JSON.parse(await readFile(join(historyDir(out), name, 'weights.json'), 'utf8')) as {
        dtype: string;
      };
      expect(manifest.dtype).toBe('float16');
    }
    // The last entry is the final checkpoint rounded to half precision, value for value.
    const final = await weightsOf(out);
    const last = await weightsOf(join(historyDir(out), 'step-000006'));
    for (const [name, values] of final)
      expect(last.get(name)).toEqual(fromFloat16Bits(toFloat16Bits(values)));
    // The untrained entry differs from the trained one.
    const untrained = await weightsOf(join(historyDir(out), 'step-000000'));
    const name = [...final.keys()][0] ?? '';
    expect(untrained.get(name)).toBeDefined();
    expect(untrained.get(name)).not.toEqual(last.get(name));
  });

  it('train:history lists the steps with the losses the run recorded at each', async () => {
    const out = join(root, 'run');
    const history = await engine.ok('train:history', { checkpoint: out });
    expect(history.checkpoint).toBe(out);
    expect(history.skipped).toEqual([]);
    expect(history.steps.map((entry) => entry.step)).toEqual([0, 2, 4, 6]);
    expect(history.steps.map((entry) => entry.path)).toEqual(
      ['step-000000', 'step-000002', 'step-000004', 'step-000006'].map((n) => join(historyDir(out), n)),
    );
    // The final checkpoint records a loss at every step of this short run: the history must agree with it.
    const training = JSON.parse(await readFile(join(out, 'training.json'), 'utf8')) as {
      losses: { step: number; loss: number; valLoss?: number }[];
    };
    const lossAt = (step: number) => training.losses.find((point) => point.step === step);
    expect(history.steps[0]).toMatchObject({ loss: null, valLoss: null });
    expect(history.steps[1]).toMatchObject({ loss: lossAt(2)?.loss, valLoss: null });
    // Validation every 3 steps: step 4 shows the one of step 3, step 6 its own.
    expect(history.steps[2]).toMatchObject({ loss: lossAt(4)?.loss, valLoss: lossAt(3)?.valLoss });
    expect(history.steps[3]).toMatchObject({ loss: lossAt(6)?.loss, valLoss: lossAt(6)?.valLoss });
    expect(lossAt(3)?.valLoss).toEqual(expect.any(Number));
    // Each entry says when its weights were written: the mtime of its weights file.
    for (const entry of history.steps) {
      expect(entry.savedAt).toBe((await stat(join(entry.path, 'weights.bin'))).mtimeMs);
    }
    // Each entry opens like any checkpoint.
    const opened = await engine.ok('model:open', {
      source: { kind: 'checkpoint', path: history.steps[1]?.path },
    });
    expect(opened.training.steps).toBe(2);
  });

  it('skips a damaged entry and a stranger with the reason; no history lists empty; a missing folder is not-found', async () => {
    const out = join(root, 'damaged');
    expect(await trainTiny(out, { steps: 4 })).toBe('done');
    await truncate(join(historyDir(out), 'step-000002', 'weights.bin'), 10);
    await writeFile(join(historyDir(out), 'notes.txt'), 'mine');
    const history = await engine.ok('train:history', { checkpoint: out });
    expect(history.steps.map((entry) => entry.step)).toEqual([0, 4]);
    expect(history.skipped).toHaveLength(2);
    const damaged = history.skipped.find((entry) => entry.path.endsWith('step-000002'));
    expect(damaged?.reason).toMatch(/weights\.bin .* has 10 bytes/);
    expect(history.skipped.find((entry) => entry.path.endsWith('notes.txt'))?.reason).toMatch(
      /Not a history entry/,
    );

    // A new run into this folder refuses to delete the student's file, and leaves it there.
    await expect(trainTiny(out, { steps: 2 })).rejects.toThrow(/notes\.txt.*not part of a training history/);
    expect(await readFile(join(historyDir(out), 'notes.txt'), 'utf8')).toBe('mine');

    const plain = join(root, 'plain');
    await saveTiny(plain, 'bert');
    expect(await engine.ok('train:history', { checkpoint: plain })).toEqual({
      checkpoint: plain,
      steps: [],
      skipped: [],
    });
    await engine.fails('train:history', { checkpoint: join(root, 'nowhere') }, 'not-found');
    await engine.fails('train:history', { checkpoint: 'relative' }, 'invalid-payload');
  });

  it('a damaged entry and file-manager litter do not stop a new run from replacing the history', async () => {
    const out = join(root, 'littered');
    expect(await trainTiny(out, { steps: 4 })).toBe('done');
    const history = historyDir(out);
    await rm(join(history, 'step-000002', 'config.json')); // damaged, but still an entry of ours
    for (const file of ['._step-000002', '.DS_Store', 'Thumbs.db', 'desktop.ini']) {
      await writeFile(join(history, file), 'litter');
    }
    const listed = await engine.ok('train:history', { checkpoint: out });
    expect(listed.steps.map((entry) => entry.step)).toEqual([0, 4]);
    expect(listed.skipped.map((entry) => entry.path)).toEqual([join(history, 'step-000002')]);
    expect(await trainTiny(out, { steps: 2 })).toBe('done');
    expect((await readdir(history)).sort()).toEqual(['step-000000', 'step-000002']);
    expect((await engine.ok('train:history', { checkpoint: out })).skipped).toEqual([]);
  });

  it('keepHistory false writes none, and a new run replaces the history of an earlier one', async () => {
    const out = join(root, 'again');
    expect(await trainTiny(out, { steps: 4 })).toBe('done');
    expect(await readdir(historyDir(out))).toHaveLength(3);
    const first = await engine.ok('train:history', { checkpoint: out });
    // A run of another length into the same folder: only its own steps remain.
    expect(await trainTiny(out, { steps: 3, checkpointEvery: 3 })).toBe('done');
    expect((await readdir(historyDir(out))).sort()).toEqual(['step-000000', 'step-000003']);
    // Its step 0 has the same path as the first run's but is another save: the listing tells them apart.
    const second = await engine.ok('train:history', { checkpoint: out });
    expect(second.steps[0]?.path).toBe(first.steps[0]?.path);
    expect(second.steps[0]?.savedAt).not.toBe(first.steps[0]?.savedAt);
    expect(await trainTiny(out, { steps: 2, keepHistory: false })).toBe('done');
    await expect(readdir(historyDir(out))).rejects.toThrow(/ENOENT/);
    const fresh = join(root, 'no-history');
    expect(await trainTiny(fresh, { keepHistory: false })).toBe('done');
    await expect(readdir(historyDir(fresh))).rejects.toThrow(/ENOENT/);
    expect((await engine.ok('train:history', { checkpoint: fresh })).steps).toEqual([]);
  });
});
