/**
 * AdamW (Loshchilov & Hutter): Adam with bias correction and *decoupled* weight decay — the decay shrinks the
 * weight directly (`w ← w − lr·λ·w`) instead of being added to the gradient, so it is not rescaled by Adam's
 * per-parameter step size. As in GPT-2/nanoGPT, only matrices (rank ≥ 2: linear weights and the token and
 * position embeddings, which double as the tied output layer) decay; biases and layer-norm gains (rank 1)
 * do not, because shrinking them toward 0 only hurts.
 */
import * as tf from '@tensorflow/tfjs';

/** AdamW hyper-parameters (the learning rate is given per step by the schedule). */
export interface AdamWOptions {
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
}

/** GPT-2/BERT-style defaults. */
export const defaultAdamWOptions: AdamWOptions = {
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 0.01,
};

/** Does this parameter get weight decay? Matrices yes, vectors (biases, norm gains) no. */
export function isDecayed(variable: tf.Variable): boolean {
  return variable.rank >= 2;
}

interface Moments {
  m: tf.Variable;
  v: tf.Variable;
}

/** An AdamW optimizer over named variables; owns its moment tensors until {@link AdamW.dispose}. */
export class AdamW {
  private readonly moments = new Map<string, Moments>();
  private steps = 0;

  constructor(
    private readonly params: ReadonlyMap<string, tf.Variable>,
    private readonly options: AdamWOptions = defaultAdamWOptions,
  ) {
    for (const [name, variable] of params) {
      // tidy frees the zeros; the variables keep their own reference to the data.
      const zeros = () => tf.tidy(() => tf.variable(tf.zerosLike(variable), false));
      this.moments.set(name, { m: zeros(), v: zeros() });
    }
  }

  /** How many updates were applied. */
  get stepCount(): number {
    return this.steps;
  }

  /**
   * Applies one update with learning rate `lr` from `grads` (same names as the parameters; a missing gradient
   * leaves that parameter untouched). Does not dispose the gradients.
   */
  apply(grads: ReadonlyMap<string, tf.Tensor>, lr: number): void {
    this.steps += 1;
    const { beta1, beta2, epsilon, weightDecay } = this.options;
    // Bias correction folded into the step size: lr·√(1−β2ᵗ)/(1−β1ᵗ) · m / (√v + ε·√(1−β2ᵗ)) equals
    // lr · m̂ / (√v̂ + ε) exactly, with m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ).
    const correction1 = 1 - beta1 ** this.steps;
    const correction2 = 1 - beta2 ** this.steps;
    const stepSize = (lr * Math.sqrt(correction2)) / correction1;
    const epsilonHat = epsilon * Math.sqrt(correction2);
    tf.tidy(() => {
      for (const [name, variable] of this.params) {
        const grad = grads.get(name);
        const moments = this.moments.get(name);
        if (!grad || !moments) continue;
        const m = tf.add(tf.mul(moments.m, beta1), tf.mul(grad, 1 - beta1));
        const v = tf.add(tf.mul(moments.v, beta2), tf.mul(tf.square(grad), 1 - beta2));
        moments.m.assign(m);
        moments.v.assign(v);
        const decayed =
          weightDecay > 0 && isDecayed(variable) ? tf.mul(variable, 1 - lr * weightDecay) : variable;
        const update = tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), epsilonHat));
        variable.assign(tf.sub(decayed, update));
      }
    });
  }

  /** Frees the moment tensors. */
  dispose(): void {
    for (const { m, v } of this.moments.values()) {
      m.dispose();
      v.dispose();
    }
    this.moments.clear();
  }
}
