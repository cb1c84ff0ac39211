/**
 * `train:attention` through the engine's request path during a real tiny GPT run: the attention of the model
 * as it is now (causal rows that sum to 1, different after more steps), no tensor left behind, and clear
 * errors for an unknown run and for a run that ended.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttentionResult } from '../../../../shared/contract/model';
import type { TrainProgress } from '../../../../shared/contract/train';
import type { Result } from '../../../../shared/contract/wire';
import type { Engine } from '../../../../main/engine/engine';
import { startEngine } from '../../../../main/engine/engine';
import { runRequest } from '../../../../main/engine/server';

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

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const result = await send(channel, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Resolves with the first event of `runId` that `accept` takes. */
function eventOf(runId: string, accept: (event: TrainProgress) => boolean): Promise<TrainProgress> {
  return new Promise((resolve) => {
    const check = () => {
      const found = events.find((event) => event.runId === runId && accept(event));
      if (found) resolve(found);
      else setTimeout(check, 5);
    };
    check();
  });
}

const text = 'I love this red car';

beforeAll(async () => {
  engine = await startEngine({ env: { ATTENTION_LAB_BACKEND: 'cpu' } });
  dir = await mkdtemp(join(tmpdir(), 'attention-lab-train-attention-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('train:attention', () => {
  it('answers with the live model’s attention between steps, from the current weights, without leaking', async () => {
    const { runId } = await ok<{ runId: string }>('train:start', {
      family: 'gpt',
      sizes: { dModel: 16, heads: 2, layers: 1, dFf: 32, maxLength: 16, vocabSize: 256 },
      steps: 100_000,
      batchSize: 4,
      learningRate: 0.01,
      outDir: join(dir, 'gpt'),
    });
    await eventOf(runId, (event) => event.state === 'running' && event.step >= 2);
    await ok('train:pause', { runId });
    await eventOf(runId, (event) => event.state === 'paused');

    const first = await ok<AttentionResult>('train:attention', { runId, text });
    expect(first.family).toBe('gpt');
    const stack = first.attention.decoder;
    if (!stack) throw new Error('no causal self-attention');
    expect(stack.queries).toBe(first.tokens.input.length);
    expect([stack.layers, stack.heads]).toEqual([1, 2]);
    // Independently of the engine: each row is a distribution over the keys up to the query (causal).
    for (let row = 0; row < stack.layers * stack.heads * stack.queries; row++) {
      const query = row % stack.queries;
      const values = stack.values.slice(row * stack.keys, (row + 1) * stack.keys);
      expect(values.reduce((sum, v) => sum + v, 0)).toBeCloseTo(1, 4);
      expect(values.slice(query + 1).every((v) => v === 0)).toBe(true);
    }

    // Flat tensor count over repeated requests (the run is paused, so only the requests could add tensors).
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await ok('train:attention', { runId, text });
    expect(tf.memory().numTensors).toBe(before);

    // More steps change the weights, and the answer follows them.
    const pausedAt = events.filter((event) => event.runId === runId).at(-1)?.step ?? 0;
    await ok('train:resume', { runId });
    await eventOf(runId, (event) => event.step >= pausedAt + 20);
    const later = await ok<AttentionResult>('train:attention', { runId, text });
    expect(later.attention.decoder?.values).not.toEqual(stack.values);

    await ok('train:cancel', { runId });
    await eventOf(runId, (event) => event.state === 'cancelled');
    const ended = await send('train:attention', { runId, text });
    expect(ended.ok ? null : ended.error.code).toBe('invalid-argument');
  });

  it('refuses an unknown run with not-found and an unexpected field through the contract', async () => {
    const unknown = await send('train:attention', { runId: 'run-nope', text });
    expect(unknown.ok ? null : unknown.error.code).toBe('not-found');
    const invalid = await send('train:attention', { runId: 'run-nope', text, extra: 1 });
    expect(invalid.ok ? null : invalid.error.code).toBe('invalid-payload');
  });
});
