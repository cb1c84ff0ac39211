/**
 * The `finetune:` channels through the engine's request path with the shipped bert-tiny on a small CSV: progress
 * events that satisfy the contract, a result with score and baseline and a saved checkpoint, cancel (no
 * checkpoint written), a failure reported as an event, and one heavy job at a time with training.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinetuneProgress } from '../../../../shared/contract/finetune';
import type { TrainProgress } from '../../../../shared/contract/train';
import { parseEvent } from '../../../../shared/contract/validate';
import type { Result } from '../../../../shared/contract/wire';
import { loadFineTuned } from '../../../../main/engine/finetune/saved';
import type { Engine } from '../../../../main/engine/engine';
import { startEngine } from '../../../../main/engine/engine';
import { runRequest } from '../../../../main/engine/server';

let engine: Engine;
let dir = '';
let csv = '';
const events: FinetuneProgress[] = [];
const trainEvents: TrainProgress[] = [];
const context = {
  emit: (channel: string, payload: unknown) => {
    // Every event must pass the contract the hosts check it against.
    if (channel === 'finetune:onProgress') events.push(parseEvent('finetune:onProgress', payload));
    if (channel === 'train:onProgress') trainEvents.push(payload as TrainProgress);
  },
};
const send = (channel: string, payload: unknown): Promise<Result> =>
  runRequest(engine.handlers, channel, payload, context);

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const result = await send(channel, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Resolves with the first event of `runId` that `accept` takes. */
function eventOf<E extends { runId: string }>(
  list: E[],
  runId: string,
  accept: (event: E) => boolean,
): Promise<E> {
  return new Promise((resolve) => {
    const check = () => {
      const found = list.find((event) => event.runId === runId && accept(event));
      if (found) resolve(found);
      else setTimeout(check, 5);
    };
    check();
  });
}

const start = (steps: number, outDir: string, task: unknown = { csv }) =>
  send('finetune:start', { checkpoint: { kind: 'builtin', id: 'bert-tiny' }, task, steps, seed: 0, outDir });

beforeAll(async () => {
  engine = await startEngine({ env: { ATTENTION_LAB_BACKEND: 'wasm' } });
  dir = await mkdtemp(join(tmpdir(), 'attention-lab-finetune-handlers-'));
  csv = join(dir, 'mood.csv');
  const rows = [
    'what a fine happy day,good',
    'a bad sad night,bad',
    'the food was good,good',
    'war and death,bad',
  ];
  await writeFile(csv, ['text,label', ...rows, ...rows, ...rows].join('\n'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('finetune handlers', () => {
  it('cancels a run between two steps and writes no checkpoint', async () => {
    const out = join(dir, 'cancelled');
    const started = await start(100_000, out);
    if (!started.ok) throw new Error(started.error.message);
    const { runId } = started.value as { runId: string };
    await eventOf(events, runId, (event) => event.state === 'running' && event.step >= 2);
    expect(await ok('finetune:cancel', { runId })).toEqual({ runId, state: 'cancelled' });
    const last = await eventOf(events, runId, (event) => event.state === 'cancelled');
    expect(last).toMatchObject({ result: null, checkpoint: null, error: null });
    await expect(stat(out)).rejects.toThrow();
  }, 30_000);

  it('refuses a training run while a fine-tune goes, and a fine-tune while training goes, with busy', async () => {
    const { runId } = await ok<{ runId: string }>('finetune:start', {
      checkpoint: { kind: 'builtin', id: 'bert-tiny' },
      task: { csv },
      steps: 100_000,
      outDir: join(dir, 'busy-finetune'),
    });
    const train = {
      family: 'gpt',
      sizes: { dModel: 16, heads: 2, layers: 1, dFf: 32, maxLength: 16, vocabSize: 256 },
      steps: 100_000,
      batchSize: 4,
      outDir: join(dir, 'busy-train'),
    };
    const refused = await send('train:start', train);
    expect(refused).toMatchObject({ ok: false, error: { code: 'busy' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/fine-tuning run is still going/);
    await ok('finetune:cancel', { runId });
    await eventOf(events, runId, (event) => event.state === 'cancelled');

    const training = await ok<{ runId: string }>('train:start', train);
    const second = await start(5, join(dir, 'busy-second'));
    expect(second).toMatchObject({ ok: false, error: { code: 'busy' } });
    if (!second.ok) expect(second.error.message).toMatch(/training run is still going/);
    await ok('train:cancel', training);
    await eventOf(trainEvents, training.runId, (event) => event.state === 'cancelled');
  }, 60_000);

  it('reports a CSV that is not there as a failed run with the reason', async () => {
    const { runId } = await ok<{ runId: string }>('finetune:start', {
      checkpoint: { kind: 'builtin', id: 'bert-tiny' },
      task: { csv: join(dir, 'missing.csv') },
      steps: 5,
      outDir: join(dir, 'missing'),
    });
    const failed = await eventOf(events, runId, (event) => event.state === 'failed');
    expect(failed.error).toMatchObject({ code: 'not-found' });
    expect(failed.error?.message).toContain('missing.csv');
  }, 30_000);

  it('fine-tunes the shipped bert-tiny: a step event each step, then the scores and the saved checkpoint', async () => {
    const out = join(dir, 'done');
    const { runId } = await ok<{ runId: string }>('finetune:start', {
      checkpoint: { kind: 'builtin', id: 'bert-tiny' },
      task: { csv },
      steps: 6,
      seed: 1,
      outDir: out,
    });
    const done = await eventOf(events, runId, (event) => event.state === 'done' || event.state === 'failed');
    expect(done.error).toBeNull();
    const steps = events.filter((e) => e.runId === runId && e.state === 'running').map((e) => e.step);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.find((e) => e.runId === runId)?.state).toBe('preparing');
    expect(done).toMatchObject({ step: 6, totalSteps: 6, checkpoint: out, etaSeconds: 0 });
    expect(done.result).toMatchObject({ task: `csv:${csv}`, metric: 'accuracy', steps: 6 });
    const { score = -1, baseline = -1 } = done.result ?? {};
    expect(score).toBeGreaterThanOrEqual(0);
    // Two of the twelve rows are held out: the majority baseline is a share of two rows.
    expect([0, 0.5, 1]).toContain(baseline);
    const saved = await loadFineTuned(out);
    expect(saved.record).toMatchObject({ task: `csv:${csv}`, score, baseline, labels: ['bad', 'good'] });
    saved.model.dispose();
    saved.head.dispose();
  }, 60_000);
});
