/**
 * Creating named, seeded weights. Every weight's initial values depend only on the model seed and the weight's
 * name (not on creation order or backend), so the same seed always gives the same model.
 */
import * as tf from '@tensorflow/tfjs';

/** Collects a model's trainable weights under stable names while they are created. */
export class WeightBuilder {
  readonly weights = new Map<string, tf.Variable>();

  constructor(private readonly seed: number) {}

  /** N(0, std²) values, seeded by the model seed and `name`. */
  normal<R extends tf.Rank>(name: string, shape: number[], std: number): tf.Variable<R> {
    const seed = seedFor(this.seed, name);
    return this.add(name, tf.randomNormal(shape, 0, std, 'float32', seed));
  }

  /** All zeros (biases, LayerNorm shifts). */
  zeros<R extends tf.Rank>(name: string, shape: number[]): tf.Variable<R> {
    return this.add(name, tf.zeros(shape));
  }

  /** All ones (LayerNorm and RMSNorm gains). */
  ones<R extends tf.Rank>(name: string, shape: number[]): tf.Variable<R> {
    return this.add(name, tf.ones(shape));
  }

  private add<R extends tf.Rank>(name: string, initial: tf.Tensor): tf.Variable<R> {
    if (this.weights.has(name)) throw new Error(`Weight ${name} is created twice`);
    const variable = tf.variable(initial, true); // unnamed: TF.js variable names are global
    initial.dispose();
    this.weights.set(name, variable);
    return variable as tf.Variable<R>;
  }
}

/** A 32-bit seed from the model seed and a weight name (FNV-1a), so weights do not depend on creation order. */
export function seedFor(seed: number, name: string): number {
  let hash = 0x811c9dc5;
  const text = `${seed}:${name}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Frees every weight of a map. */
export function disposeWeights(weights: ReadonlyMap<string, tf.Variable>): void {
  for (const weight of weights.values()) weight.dispose();
}
