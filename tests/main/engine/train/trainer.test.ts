import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainStartSchema } from '../../../../shared/contract/train';
import { RunControl } from '../../../../main/engine/train/control';
import { prepareRun } from '../../../../main/engine/train/prepare';
import { trainerOptions } from '../../../../main/engine/train/runs';
import type { StepProgress } from '../../../../main/engine/train/trainer';
import { evaluate, train } from '../../../../main/engine/train/trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A very small GPT on Brown, so each step takes milliseconds. */
function request(overrides: Record<string, unknown> = {}) {
  return trainStartSchema.parse({
    family: 'gpt',
    sizes: { dModel: 16, heads: 2, layers: 1, dFf: 32, maxLength: 16, vocabSize: 256 },
    steps: 12,
    batchSize: 4,
    learningRate: 1e-2,
    evalEvery: 4,
    outDir: '/unused',
    ...overrides,
  });
}

describe('trainer', () => {
  it('lowers the loss, validates periodically and keeps the tensor count flat across steps', async () => {
    const baseline = tf.memory().numTensors;
    const r = request({ steps: 30, evalEvery: 10 });
    const run = await prepareRun(r);
    const initialValLoss = await evaluate(run.model, run.validation);
    const progress: StepProgress[] = [];
    const tensorCounts: number[] = [];
    const outcome = await train(
      run.model,
      run.source,
      run.validation,
      trainerOptions(r),
      {
        onProgress: (p) => {
          progress.push(p);
          tensorCounts.push(tf.memory().numTensors);
        },
      },
      new RunControl(),
    );
    expect(outcome).toMatchObject({ state: 'done', steps: 30 });
    expect(progress.map((p) => p.step)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(progress.filter((p) => p.valLoss !== null).map((p) => p.step)).toEqual([10, 20, 30]);
    expect(new Set(tensorCounts).size).toBe(1);
    const last = progress.at(-1);
    expect(last?.valLoss).toBeLessThan(initialValLoss - 0.5);
    expect(last?.etaSeconds).toBe(0);
    expect(last?.tokensPerSecond).toBeGreaterThan(0);
    // The schedule warmed up, then decayed to a tenth of the peak at the last step.
    expect(progress[0]?.learningRate).toBeCloseTo(1e-2 / 2, 10);
    expect(last?.learningRate).toBeCloseTo(1e-3, 10);
    run.model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('pauses between steps, resumes where it stopped, and cancels for good', async () => {
    const r = request({ steps: 12 });
    const run = await prepareRun(r);
    const control = new RunControl();
    const steps: number[] = [];
    const pauses: boolean[] = [];
    let stepsWhilePaused = -1;
    const outcome = await train(
      run.model,
      run.source,
      run.validation,
      trainerOptions(r),
      {
        onProgress: (p) => {
          steps.push(p.step);
          if (p.step === 3) control.pause();
          if (p.step === 8) control.cancel();
        },
        onPause: (isPaused) => {
          pauses.push(isPaused);
          if (!isPaused) return;
          // While paused, the event loop runs (this timer fires) but no step happens.
          setTimeout(() => {
            stepsWhilePaused = steps.length;
            control.resume();
          }, 20);
        },
      },
      control,
    );
    expect(stepsWhilePaused).toBe(3);
    expect(pauses).toEqual([true, false]);
    expect(outcome).toMatchObject({ state: 'cancelled', steps: 8 });
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(() => control.resume()).toThrow(/cancelled/);
    run.model.dispose();
  });

  it('stops a paused run that is cancelled', async () => {
    const r = request({ steps: 5 });
    const run = await prepareRun(r);
    const control = new RunControl();
    const outcome = await train(
      run.model,
      run.source,
      run.validation,
      trainerOptions(r),
      {
        onProgress: (p) => p.step === 2 && control.pause(),
        onPause: () => setTimeout(() => control.cancel(), 10),
      },
      control,
    );
    expect(outcome).toMatchObject({ state: 'cancelled', steps: 2 });
    run.model.dispose();
  });

  it('checkpoints every N steps and at the last step, awaiting each save', async () => {
    const r = request({ steps: 7, checkpointEvery: 3 });
    const run = await prepareRun(r);
    const saved: number[] = [];
    let isSaving = false;
    await train(
      run.model,
      run.source,
      run.validation,
      trainerOptions(r),
      {
        onProgress: () => expect(isSaving).toBe(false),
        saveCheckpoint: async (step) => {
          isSaving = true;
          await new Promise((resolve) => setTimeout(resolve, 5));
          saved.push(step);
          isSaving = false;
        },
      },
      new RunControl(),
    );
    expect(saved).toEqual([3, 6, 7]);
    run.model.dispose();
  });

  it.each([
    ['bert', { nextSentence: true }],
    ['t5', {}],
  ])('trains %s on its own objective with a falling loss', async (family, extra) => {
    const r = request({ family, steps: 16, evalEvery: 16, ...extra });
    const run = await prepareRun(r);
    const before = await evaluate(run.model, run.validation);
    const losses: number[] = [];
    const tensorCounts = new Set<number>();
    await train(
      run.model,
      run.source,
      run.validation,
      trainerOptions(r),
      {
        onProgress: (p) => {
          losses.push(p.valLoss ?? p.loss);
          tensorCounts.add(tf.memory().numTensors);
        },
      },
      new RunControl(),
    );
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(tensorCounts.size).toBe(1);
    expect(losses.at(-1)).toBeLessThan(before);
    run.model.dispose();
  });

  it('reports a diverging run as a typed error', async () => {
    const r = request({ steps: 3, learningRate: 1 });
    const run = await prepareRun(r);
    // Weights blown up by hand make the loss overflow to infinity.
    tf.tidy(() => run.model.weights.forEach((weight) => weight.assign(tf.fill(weight.shape, 1e30))));
    await expect(
      train(
        run.model,
        run.source,
        run.validation,
        trainerOptions(r),
        { onProgress: () => {} },
        new RunControl(),
      ),
    ).rejects.toThrow(/diverged.*lower learning rate/);
    run.model.dispose();
  });
});
