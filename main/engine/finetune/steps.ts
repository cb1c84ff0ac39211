/**
 * The fine-tuning update loop shared by the BERT head and T5 text-to-text: one gradient computation per step
 * over every weight, clipped to a global norm of 1, then one AdamW per group of weights, each with its own
 * peak learning rate (linear warmup over the first 10 % of steps, then linear decay to 0). An aborted `signal`
 * stops the loop before its next step with a `cancelled` error.
 */
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import { AdamW, defaultAdamWOptions } from '../train/adamw';
import { clipByGlobalNorm } from '../train/clip';
import { learningRateAt } from '../train/schedule';

/** Weights trained at one peak learning rate. */
export interface WeightGroup {
  weights: ReadonlyMap<string, tf.Variable>;
  peakLearningRate: number;
}

/** Throws `cancelled` once `signal` has been aborted (the caller saves nothing then). */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new LabError('cancelled', 'The fine-tuning run was cancelled; no checkpoint was written.');
  }
}

/** Runs `steps` updates of `loss(step)` (built inside the gradient tape); reports each step's loss. */
export async function runFineTuneSteps(
  groups: readonly WeightGroup[],
  steps: number,
  loss: (step: number) => tf.Scalar,
  onStep?: (step: number, loss: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const optimizers = groups.map((group) => new AdamW(group.weights, defaultAdamWOptions));
  const nameOf = new Map(groups.flatMap((g) => [...g.weights].map(([name, v]) => [v.name, name] as const)));
  const variables = groups.flatMap((group) => [...group.weights.values()]);
  const schedule = {
    warmupSteps: Math.max(1, Math.round(steps * 0.1)),
    totalSteps: steps,
    floorRatio: 0,
    decay: 'linear' as const,
  };
  try {
    for (let step = 1; step <= steps; step++) {
      throwIfCancelled(signal);
      const { value, grads } = tf.variableGrads(() => loss(step), variables);
      // variableGrads names gradients by tf.Variable name; the optimizers use the weight names.
      const named = new Map<string, tf.Tensor>();
      for (const [name, grad] of Object.entries(grads)) if (grad) named.set(nameOf.get(name) ?? name, grad);
      const clipped = clipByGlobalNorm(named, 1);
      optimizers.forEach((optimizer, i) => {
        const peak = groups[i]?.peakLearningRate ?? 0;
        optimizer.apply(clipped.grads, learningRateAt(step, { ...schedule, peak }));
      });
      const value0 = (await value.data())[0] ?? NaN;
      tf.dispose([value, ...named.values(), ...clipped.grads.values(), clipped.norm]);
      onStep?.(step, value0);
      await new Promise((resolve) => setImmediate(resolve)); // let I/O (progress lines) through
    }
  } finally {
    for (const optimizer of optimizers) optimizer.dispose();
  }
}
