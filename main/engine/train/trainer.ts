/**
 * The training loop: AdamW with linear warmup then decay, gradient clipping by global norm, periodic
 * validation loss on held-out batches, progress after every step, checkpoints every N steps, and pause /
 * resume / cancel between steps. It yields to the event loop after every step so the engine keeps answering
 * requests (pings, pause, cancel) while it trains, and it frees every tensor it creates.
 */
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import type { ModelBatch, TransformerModel } from '../models/model';
import { AdamW } from './adamw';
import type { AdamWOptions } from './adamw';
import { clipByGlobalNorm } from './clip';
import type { RunControl } from './control';
import { learningRateAt } from './schedule';
import type { ScheduleOptions } from './schedule';

/** Hands out training batches (seeded by whoever built it). */
export interface BatchSource {
  next(): ModelBatch;
}

/** Everything the loop needs to know besides the model and the data. */
export interface TrainerOptions {
  steps: number;
  schedule: Omit<ScheduleOptions, 'totalSteps'>;
  adamw: AdamWOptions;
  /** Largest global gradient norm; larger gradients are scaled down. */
  clipNorm: number;
  /** Validation loss every N steps (and always at the last step). */
  evalEvery: number;
  /** A checkpoint every N steps (and always at the last step); 0 = only at the last step. */
  checkpointEvery: number;
}

/** One step's report. */
export interface StepProgress {
  step: number;
  totalSteps: number;
  loss: number;
  /** Mean loss on the validation batches, when computed at this step. */
  valLoss: number | null;
  learningRate: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
  tokensPerSecond: number;
  etaSeconds: number;
  /** Seconds spent training (pauses excluded). */
  elapsedSeconds: number;
}

/** Where the loop reports. */
export interface TrainerHooks {
  onProgress(progress: StepProgress): void;
  /** The loop paused (`true`) or resumed (`false`). */
  onPause?(isPaused: boolean): void;
  /** Writes a checkpoint of the model as it is after `step`; awaited before the loop goes on. */
  saveCheckpoint?(step: number, progress: StepProgress): Promise<void>;
}

/** How a run ended. */
export interface TrainOutcome {
  state: 'done' | 'cancelled';
  /** Steps completed. */
  steps: number;
  lastProgress: StepProgress | null;
}

/** Tokens a batch feeds the model (T5 counts encoder and decoder positions, like the PyTorch anchor). */
export function batchTokens(batch: ModelBatch): number {
  if (batch.family === 't5') return batch.batchSize * (batch.inputLength + batch.targetLength);
  return batch.batchSize * batch.length;
}

/** Mean loss of `model` over `batches`, without gradients. */
export async function evaluate(model: TransformerModel, batches: readonly ModelBatch[]): Promise<number> {
  if (batches.length === 0)
    throw new LabError('invalid-corpus', 'There is no validation text to evaluate on.');
  let total = 0;
  for (const batch of batches) {
    const loss = tf.tidy(() => model.loss(batch));
    total += (await loss.data())[0] ?? NaN;
    loss.dispose();
  }
  return total / batches.length;
}

/** Lets pending I/O (requests, timers) run between two steps. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Steps per second over the last few steps, so the rate follows the present, not the warm-up. */
class RateMeter {
  private readonly window: { seconds: number; tokens: number }[] = [];
  constructor(private readonly size = 20) {}
  add(seconds: number, tokens: number): void {
    this.window.push({ seconds, tokens });
    if (this.window.length > this.size) this.window.shift();
  }
  get secondsPerStep(): number {
    return this.window.reduce((sum, s) => sum + s.seconds, 0) / Math.max(1, this.window.length);
  }
  get tokensPerSecond(): number {
    const seconds = this.window.reduce((sum, s) => sum + s.seconds, 0);
    return seconds > 0 ? this.window.reduce((sum, s) => sum + s.tokens, 0) / seconds : 0;
  }
}

/** One optimisation step; returns the loss and the gradient norm before clipping. */
async function step(
  model: TransformerModel,
  optimizer: AdamW,
  batch: ModelBatch,
  keyOf: ReadonlyMap<string, string>,
  lr: number,
  clipNorm: number,
): Promise<{ loss: number; gradNorm: number }> {
  const variables = [...model.weights.values()];
  const { value, grads } = tf.variableGrads(() => model.loss(batch), variables);
  // variableGrads names gradients by tf.Variable name; the optimizer uses the model's weight names.
  const named = new Map<string, tf.Tensor>();
  for (const [variableName, grad] of Object.entries(grads)) {
    // A weight the loss does not use (or a frozen one) has no gradient.
    if (grad) named.set(keyOf.get(variableName) ?? variableName, grad);
  }
  const clipped = clipByGlobalNorm(named, clipNorm);
  optimizer.apply(clipped.grads, lr);
  const [loss = NaN, gradNorm = NaN] = [(await value.data())[0], (await clipped.norm.data())[0]];
  tf.dispose([value, ...named.values(), ...clipped.grads.values(), clipped.norm]);
  return { loss, gradNorm };
}

/** Trains `model` on batches from `source` until the last step or a cancel. */
export async function train(
  model: TransformerModel,
  source: BatchSource,
  validation: readonly ModelBatch[],
  options: TrainerOptions,
  hooks: TrainerHooks,
  control: RunControl,
): Promise<TrainOutcome> {
  const optimizer = new AdamW(model.weights, options.adamw);
  const keyOf = new Map([...model.weights].map(([key, variable]) => [variable.name, key]));
  const schedule: ScheduleOptions = { ...options.schedule, totalSteps: options.steps };
  const meter = new RateMeter();
  let elapsedSeconds = 0;
  let lastProgress: StepProgress | null = null;
  try {
    for (let s = 1; s <= options.steps; s++) {
      if (control.state === 'paused') {
        hooks.onPause?.(true);
        await control.whilePaused();
        if (!control.isCancelled) hooks.onPause?.(false);
      }
      if (control.isCancelled) return { state: 'cancelled', steps: s - 1, lastProgress };

      const startedAt = performance.now();
      const batch = source.next();
      const learningRate = learningRateAt(s, schedule);
      const { loss, gradNorm } = await step(model, optimizer, batch, keyOf, learningRate, options.clipNorm);
      if (!Number.isFinite(loss)) {
        throw new LabError(
          'invalid-argument',
          `Training diverged at step ${s} (the loss became ${loss}). Try a lower learning rate.`,
        );
      }
      // The rate counts training only; validation time still counts towards the elapsed time.
      meter.add((performance.now() - startedAt) / 1000, batchTokens(batch));
      const isLast = s === options.steps;
      const valLoss = isLast || s % options.evalEvery === 0 ? await evaluate(model, validation) : null;
      elapsedSeconds += (performance.now() - startedAt) / 1000;
      lastProgress = {
        step: s,
        totalSteps: options.steps,
        loss,
        valLoss,
        learningRate,
        gradNorm,
        tokensPerSecond: meter.tokensPerSecond,
        etaSeconds: (options.steps - s) * meter.secondsPerStep,
        elapsedSeconds,
      };
      hooks.onProgress(lastProgress);
      const isCheckpointStep = options.checkpointEvery > 0 && s % options.checkpointEvery === 0;
      if (hooks.saveCheckpoint && (isLast || isCheckpointStep)) await hooks.saveCheckpoint(s, lastProgress);
      await yieldToEventLoop();
    }
    return { state: 'done', steps: options.steps, lastProgress };
  } finally {
    optimizer.dispose();
  }
}
