import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainProgress } from '../../../../shared/contract/train';
import { parseEvent } from '../../../../shared/contract/validate';
import type { Result } from '../../../../shared/contract/wire';
import { loadCheckpoint } from '../../../../main/engine/checkpoint';
import type { Engine } from '../../../../main/engine/engine';
import { startEngine } from '../../../../main/engine/engine';
import { runRequest } from '../../../../main/engine/server';
import { saveRunCheckpoint, TrainingRuns } from '../../../../main/engine/train/runs';
import { trainStartSchema } from '../../../../shared/contract/train';

let engine: Engine;
let dir: string;
const events: TrainProgress[] = [];
const context = {
  emit: (channel: string, payload: unknown) => {
    if (channel === 'train:onProgress') events.push(payload as TrainProgress);
  },
};
const send = (channel: string, payload: unknown): Promise<Result> =>
  runRequest(engine.handlers, channel, payload, context);

/** A GPT small enough that a step takes milliseconds on the cpu backend. */
const small = { dModel: 16, heads: 2, layers: 1, dFf: 32, maxLength: 16, vocabSize: 256 };
const start = (overrides: Record<string, unknown>) =>
  send('train:start', {
    family: 'gpt',
    sizes: small,
    steps: 6,
    batchSize: 4,
    outDir: join(dir, 'out'),
    ...overrides,
  });

/** Resolves with the run's final event. */
function finished(runId: string): Promise<TrainProgress> {
  return new Promise((resolve) => {
    const check = () => {
      const last = events.filter((e) => e.runId === runId).at(-1);
      if (last && ['done', 'cancelled', 'failed'].includes(last.state)) resolve(last);
      else setTimeout(check, 5);
    };
    check();
  });
}

function runIdOf(result: Result): string {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return (result.value as { runId: string }).runId;
}

beforeAll(async () => {
  engine = await startEngine({ env: { ATTENTION_LAB_BACKEND: 'cpu' } });
  dir = await mkdtemp(join(tmpdir(), 'attention-lab-runs-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runs', () => {
  it.each([
    [{ steps: 0 }, 'steps'],
    [{ steps: 2_000_000 }, 'steps'],
    [{ learningRate: 5 }, 'learningRate'],
    [{ learningRate: 0 }, 'learningRate'],
    [{ batchSize: 0 }, 'batchSize'],
    [{ batchSize: 5000 }, 'batchSize'],
    [{ family: 'xlnet' }, 'family'],
    [{ sizes: { dModel: 1 } }, 'sizes.dModel'],
    [{ warmupSteps: 10 }, 'warmupSteps'],
    [{ momentum: 0.9 }, ''],
  ])('refuses invalid hyper-parameters %j through the contract', async (overrides, where) => {
    const result = await start(overrides);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-payload');
    expect(result.error.message).toContain(`Invalid input for train:start`);
    if (where) expect(result.error.message).toContain(`at ${where}`);
  });

  it('refuses a corpus too small for the sequence length, and an empty or non-UTF-8 file', async () => {
    const small = join(dir, 'small.txt');
    await writeFile(small, 'The cat sat.\n\nThe dog ran.\n');
    const tooSmall = await start({ corpus: { kind: 'file', path: small } });
    expect(tooSmall).toMatchObject({ ok: false, error: { code: 'invalid-corpus' } });
    expect(tooSmall.ok ? '' : tooSmall.error.message).toMatch(/only \d+ words.*at least 16/);
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '\n\n');
    expect(await start({ corpus: { kind: 'file', path: empty } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-corpus' },
    });
    const latin1 = join(dir, 'latin1.txt');
    await writeFile(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]));
    const notUtf8 = await start({ corpus: { kind: 'file', path: latin1 } });
    expect(notUtf8.ok ? '' : notUtf8.error.message).toMatch(/not UTF-8/);
  });

  it('trains to the end, reports every step and leaves a checkpoint that loads', async () => {
    const out = join(dir, 'done');
    const runId = runIdOf(await start({ outDir: out, checkpointEvery: 4, evalEvery: 3 }));
    const last = await finished(runId);
    const mine = events.filter((e) => e.runId === runId);
    // Every event is what the contract promises the renderer.
    for (const event of mine) expect(parseEvent('train:onProgress', event)).toEqual(event);
    expect(mine[0]?.state).toBe('preparing');
    expect(mine.filter((e) => e.state === 'running' && e.step > 0).map((e) => e.step)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(last).toMatchObject({ state: 'done', step: 6, totalSteps: 6, checkpoint: out, error: null });
    expect(last.valLoss).not.toBeNull();
    const checkpoint = await loadCheckpoint(out, { expectFamily: 'gpt' });
    expect(checkpoint.training.steps).toBe(6);
    expect(checkpoint.training.losses?.filter((p) => p.valLoss !== undefined).map((p) => p.step)).toEqual([
      3, 6,
    ]);
    checkpoint.model.dispose();
  });

  it('answers pings while training, refuses a second run, and pauses, resumes and cancels by run id', async () => {
    const runId = runIdOf(await start({ steps: 100_000, outDir: join(dir, 'long') }));
    // The loop yields between steps, so other requests get answered while it trains.
    expect(await send('engine:ping', { nonce: 'during' })).toMatchObject({
      ok: true,
      value: { nonce: 'during' },
    });
    expect(await start({})).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(await send('train:pause', { runId })).toEqual({ ok: true, value: { runId, state: 'paused' } });
    await new Promise<void>((resolve) => {
      const check = () =>
        events.some((e) => e.runId === runId && e.state === 'paused') ? resolve() : setTimeout(check, 5);
      check();
    });
    const pausedAt = events.filter((e) => e.runId === runId).at(-1)?.step ?? -1;
    expect(await send('train:resume', { runId })).toEqual({ ok: true, value: { runId, state: 'running' } });
    expect(await send('train:cancel', { runId })).toEqual({ ok: true, value: { runId, state: 'cancelled' } });
    const last = await finished(runId);
    expect(last.state).toBe('cancelled');
    expect(last.step).toBeGreaterThanOrEqual(pausedAt);
    expect(last.step).toBeLessThan(100_000);
    expect(await send('train:resume', { runId })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await send('train:pause', { runId: 'run-nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('keeps the last good checkpoint when cancelled during a save', async () => {
    const out = join(dir, 'cancel-during-save');
    const saves: number[] = [];
    const runs = new TrainingRuns({
      save: async (target, run, request, losses) => {
        const step = losses.at(-1)?.step ?? 0;
        if (step === 4) runs.cancel(runId); // the user cancels while this checkpoint is being written
        await saveRunCheckpoint(target, run, request, losses);
        saves.push(step);
      },
    });
    const request = trainStartSchema.parse({
      family: 'gpt',
      sizes: small,
      steps: 20,
      batchSize: 4,
      checkpointEvery: 2,
      outDir: out,
    });
    const started = await runs.start(request, () => {});
    const runId = started.runId;
    expect(await started.finished).toBe('cancelled');
    expect(saves).toEqual([0, 2, 4]);
    const checkpoint = await loadCheckpoint(out);
    expect(checkpoint.training.steps).toBe(4);
    checkpoint.model.dispose();
    const training = JSON.parse(await readFile(join(out, 'training.json'), 'utf8')) as {
      hyperparameters: unknown;
    };
    expect(training.hyperparameters).toMatchObject({ steps: 20, batchSize: 4, learningRate: 1e-3 });
  });

  it('ends cancelled, as cancel answered, when cancelled while the last step is being saved', async () => {
    const out = join(dir, 'cancel-during-last-save');
    let answer: string | null = null;
    const runs = new TrainingRuns({
      save: async (target, run, request, losses) => {
        // The trainer checks for a cancel before each step only: this one comes after the last check.
        if (losses.at(-1)?.step === 3) answer = runs.cancel(runId).state;
        await saveRunCheckpoint(target, run, request, losses);
      },
    });
    const request = trainStartSchema.parse({
      family: 'gpt',
      sizes: small,
      steps: 3,
      batchSize: 4,
      outDir: out,
    });
    const progress: TrainProgress[] = [];
    const started = await runs.start(request, (p) => progress.push({ ...p }));
    const runId = started.runId;
    expect(await started.finished).toBe('cancelled');
    expect([answer, progress.at(-1)?.state]).toEqual(['cancelled', 'cancelled']);
    const checkpoint = await loadCheckpoint(out); // the cancelled run's checkpoint holds every step
    expect(checkpoint.training.steps).toBe(3);
    checkpoint.model.dispose();
  });
});
