/**
 * The layers the three families share, built only from `../ops` (matMuls, gathers) and elementwise TF.js ops:
 * linear, LayerNorm / RMSNorm, GELU, the feed-forward block and the pre/post-norm residual wiring.
 * Activations are 2-D `[rows, features]` where rows = batch × time.
 */
import * as tf from '@tensorflow/tfjs';
import { linear } from '../ops';
import type { NormPlacement } from './config';
import type { WeightBuilder } from './weights';

/** `x · weight + bias`. */
export interface Linear {
  weight: tf.Variable<tf.Rank.R2>; // [in, out]
  bias?: tf.Variable<tf.Rank.R1>; // [out]
}

/** Creates a linear layer `name.weight` (N(0, std²)) and, when `hasBias`, `name.bias` (zeros). */
export function createLinear(
  builder: WeightBuilder,
  name: string,
  inputs: number,
  outputs: number,
  options: { std: number; hasBias: boolean },
): Linear {
  const weight = builder.normal<tf.Rank.R2>(`${name}.weight`, [inputs, outputs], options.std);
  if (!options.hasBias) return { weight };
  return { weight, bias: builder.zeros<tf.Rank.R1>(`${name}.bias`, [outputs]) };
}

/** x [rows, in] → [rows, out]. */
export function applyLinear(layer: Linear, x: tf.Tensor2D): tf.Tensor2D {
  return linear(x, layer.weight, layer.bias);
}

/** LayerNorm (gain and shift, BERT/GPT) or RMSNorm (gain only, T5). */
export interface Norm {
  kind: 'layer' | 'rms';
  gain: tf.Variable<tf.Rank.R1>; // [d]
  shift?: tf.Variable<tf.Rank.R1>; // [d], LayerNorm only
}

const normEpsilon = 1e-5;

/** Creates `name.gain` (ones) and, for LayerNorm, `name.shift` (zeros). */
export function createNorm(builder: WeightBuilder, name: string, d: number, kind: Norm['kind']): Norm {
  const gain = builder.ones<tf.Rank.R1>(`${name}.gain`, [d]);
  if (kind === 'rms') return { kind, gain };
  return { kind, gain, shift: builder.zeros<tf.Rank.R1>(`${name}.shift`, [d]) };
}

/** Normalises each row of x [rows, d] over its features. */
export function applyNorm(norm: Norm, x: tf.Tensor2D): tf.Tensor2D {
  if (norm.kind === 'rms') {
    const meanSquare = tf.mean(tf.square(x), -1, true); // [rows, 1]
    return tf.mul(tf.mul(x, tf.rsqrt(tf.add(meanSquare, normEpsilon))), norm.gain);
  }
  const { mean, variance } = tf.moments(x, -1, true); // [rows, 1] each
  const normalised = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, normEpsilon)));
  const scaled = tf.mul(normalised, norm.gain);
  return (norm.shift ? tf.add(scaled, norm.shift) : scaled) as tf.Tensor2D;
}

/** Exact GELU, x · Φ(x), as in BERT and the PyTorch anchor. */
export function gelu<T extends tf.Tensor>(x: T): T {
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}

/** The position-wise feed-forward block: d → dFf → activation → d. */
export interface FeedForward {
  hidden: Linear;
  output: Linear;
  activation: 'gelu' | 'relu';
}

/** Creates `name.hidden` and `name.output`. */
export function createFeedForward(
  builder: WeightBuilder,
  name: string,
  sizes: { dModel: number; dFf: number },
  options: { activation: FeedForward['activation']; hasBias: boolean; std: number; outputStd: number },
): FeedForward {
  const { dModel, dFf } = sizes;
  return {
    hidden: createLinear(builder, `${name}.hidden`, dModel, dFf, {
      std: options.std,
      hasBias: options.hasBias,
    }),
    output: createLinear(builder, `${name}.output`, dFf, dModel, {
      std: options.outputStd,
      hasBias: options.hasBias,
    }),
    activation: options.activation,
  };
}

/** x [rows, d] → [rows, d]. */
export function applyFeedForward(block: FeedForward, x: tf.Tensor2D): tf.Tensor2D {
  const hidden = applyLinear(block.hidden, x); // [rows, dFf]
  const activated = block.activation === 'gelu' ? gelu(hidden) : tf.relu(hidden);
  return applyLinear(block.output, activated);
}

/**
 * One residual sublayer. Pre-norm (GPT-2): `x + f(norm(x))`, the residual path stays un-normalised, which
 * trains stably without warm-up tricks. Post-norm (original Transformer, BERT): `norm(x + f(x))`.
 */
export function residual(
  x: tf.Tensor2D,
  placement: NormPlacement,
  norm: Norm,
  sublayer: (input: tf.Tensor2D) => tf.Tensor2D,
): tf.Tensor2D {
  if (placement === 'pre') return tf.add(x, sublayer(applyNorm(norm, x)));
  return applyNorm(norm, tf.add(x, sublayer(x)));
}
