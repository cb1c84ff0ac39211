import { describe, expect, it } from 'vitest';
import { events, requests } from '../../../shared/contract/api';
import {
  finetuneProgressSchema,
  finetuneRunSchema,
  finetuneStartSchema,
} from '../../../shared/contract/finetune';

const builtin = { kind: 'builtin', id: 'bert-tiny' } as const;

describe('contract/finetune', () => {
  it('fills in steps and seed and accepts a built-in model or a checkpoint folder', () => {
    expect(
      finetuneStartSchema.parse({ checkpoint: builtin, task: 'brown-genre', outDir: '/tmp/out' }),
    ).toEqual({
      checkpoint: builtin,
      task: 'brown-genre',
      steps: 300,
      seed: 0,
      outDir: '/tmp/out',
    });
    const folder = { kind: 'checkpoint', path: 'C:\\lab\\t5' };
    const request = {
      checkpoint: folder,
      task: { csv: '/data/pairs.csv' },
      steps: 50,
      seed: 3,
      outDir: '/o',
    };
    expect(finetuneStartSchema.parse(request)).toEqual(request);
  });

  it('refuses an unknown task, a relative CSV or output path, zero steps and extra fields', () => {
    const base = { checkpoint: builtin, task: 'brown-pos', outDir: '/o' };
    expect(finetuneStartSchema.safeParse({ ...base, task: 'sentiment' }).success).toBe(false);
    expect(finetuneStartSchema.safeParse({ ...base, task: { csv: 'data.csv' } }).success).toBe(false);
    expect(finetuneStartSchema.safeParse({ ...base, outDir: 'out' }).success).toBe(false);
    expect(finetuneStartSchema.safeParse({ ...base, steps: 0 }).success).toBe(false);
    expect(
      finetuneStartSchema.safeParse({ ...base, checkpoint: { kind: 'builtin', id: 'gpt-huge' } }).success,
    ).toBe(false);
    expect(finetuneStartSchema.safeParse({ ...base, batchSize: 8 }).success).toBe(false);
    expect(finetuneRunSchema.safeParse({ runId: '' }).success).toBe(false);
  });

  it('describes progress with a result only when there is one, scores between 0 and 1', () => {
    const running = {
      runId: 'finetune-1',
      state: 'running',
      step: 3,
      totalSteps: 10,
      loss: 1.5,
      etaSeconds: 2,
      result: null,
      checkpoint: null,
      error: null,
    };
    expect(finetuneProgressSchema.parse(running)).toEqual(running);
    const result = {
      task: 'brown-genre',
      metric: 'accuracy',
      score: 0.4,
      baseline: 0.2,
      steps: 10,
      seconds: 9,
    };
    const done = { ...running, state: 'done', step: 10, result, checkpoint: '/o' };
    expect(finetuneProgressSchema.parse(done)).toEqual(done);
    expect(finetuneProgressSchema.safeParse({ ...done, result: { ...result, score: 1.2 } }).success).toBe(
      false,
    );
    expect(finetuneProgressSchema.safeParse({ ...running, state: 'paused' }).success).toBe(false);
  });

  it('is served by the engine, with its progress event registered', () => {
    expect(requests['finetune:start'].servedBy).toBe('engine');
    expect(requests['finetune:cancel'].servedBy).toBe('engine');
    expect(events['finetune:onProgress']).toBe(finetuneProgressSchema);
  });
});
