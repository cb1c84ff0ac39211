/**
 * Multi-head attention that returns its probabilities, the one implementation behind encoder self-attention,
 * decoder causal self-attention and encoder–decoder cross-attention in every family.
 *
 * Notation: b = batch, tq / tk = query / key length, h = heads, dk = dModel / h.
 * Masks arrive as an additive bias (0 where allowed, {@link maskedScore} where masked), so after the softmax a
 * masked probability is exp(-1e9 - max) = 0 exactly in float32 — masked cells are truly zero, not just small.
 */
import * as tf from '@tensorflow/tfjs';
import { batchMatMul } from '../ops';
import type { Linear } from './layers';
import { applyLinear, createLinear } from './layers';
import type { WeightBuilder } from './weights';

/** The score a masked query–key pair gets before the softmax. */
export const maskedScore = -1e9;

/** The four projections of one attention sublayer. */
export interface AttentionWeights {
  query: Linear;
  key: Linear;
  value: Linear;
  output: Linear;
  heads: number;
  /** Divide scores by √dk (BERT, GPT); T5 folds the scale into its initialisation instead. */
  isScaled: boolean;
}

/** Creates `name.{query,key,value,output}` with the given initialisation spreads. */
export function createAttention(
  builder: WeightBuilder,
  name: string,
  options: {
    dModel: number;
    heads: number;
    hasBias: boolean;
    isScaled: boolean;
    std: { query: number; key: number; value: number; output: number };
  },
): AttentionWeights {
  const { dModel, hasBias, std } = options;
  const make = (part: 'query' | 'key' | 'value' | 'output'): Linear =>
    createLinear(builder, `${name}.${part}`, dModel, dModel, { std: std[part], hasBias });
  return {
    query: make('query'),
    key: make('key'),
    value: make('value'),
    output: make('output'),
    heads: options.heads,
    isScaled: options.isScaled,
  };
}

/** Batch and lengths of one attention call (activations are 2-D, so the layer needs them). */
export interface AttentionShape {
  batch: number;
  queryLength: number;
  keyLength: number;
}

/** The attention output and its probabilities. */
export interface AttentionResult {
  output: tf.Tensor2D; // [b * tq, dModel]
  probabilities: tf.Tensor4D; // [b, h, tq, tk]
}

/**
 * softmax(q·kᵀ (/√dk) + bias) · v, per head. `query` [b * tq, d] attends to `keyValue` [b * tk, d] (the same
 * tensor for self-attention); `bias` broadcasts to [b, h, tq, tk] (masks and T5's relative position bias).
 */
export function attend(
  weights: AttentionWeights,
  query: tf.Tensor2D,
  keyValue: tf.Tensor2D,
  shape: AttentionShape,
  bias?: tf.Tensor,
): AttentionResult {
  const { batch, queryLength, keyLength } = shape;
  const heads = weights.heads;
  const dModel = query.shape[1];
  const dk = dModel / heads;
  const q = applyLinear(weights.query, query); // [b * tq, d]
  const k = applyLinear(weights.key, keyValue); // [b * tk, d]
  const v = applyLinear(weights.value, keyValue); // [b * tk, d]
  // Split heads. k is laid out as kᵀ straight away ([b, h, dk, tk]) so the score product needs no transposed
  // matMul, which is slow on the wasm backend.
  const qHeads = tf
    .transpose(tf.reshape(q, [batch, queryLength, heads, dk]), [0, 2, 1, 3])
    .reshape([batch * heads, queryLength, dk]) as tf.Tensor3D;
  const kHeadsT = tf
    .transpose(tf.reshape(k, [batch, keyLength, heads, dk]), [0, 2, 3, 1])
    .reshape([batch * heads, dk, keyLength]) as tf.Tensor3D;
  const vHeads = tf
    .transpose(tf.reshape(v, [batch, keyLength, heads, dk]), [0, 2, 1, 3])
    .reshape([batch * heads, keyLength, dk]) as tf.Tensor3D;
  let scores: tf.Tensor = batchMatMul(weights.isScaled ? tf.mul(qHeads, 1 / Math.sqrt(dk)) : qHeads, kHeadsT);
  scores = tf.reshape(scores, [batch, heads, queryLength, keyLength]);
  if (bias) scores = tf.add(scores, bias);
  const probabilities = tf.softmax(scores) as tf.Tensor4D; // [b, h, tq, tk], rows sum to 1
  const mixed = batchMatMul(tf.reshape(probabilities, [batch * heads, queryLength, keyLength]), vHeads); // [b * h, tq, dk]
  const merged = tf
    .transpose(tf.reshape(mixed, [batch, heads, queryLength, dk]), [0, 2, 1, 3])
    .reshape([batch * queryLength, dModel]) as tf.Tensor2D;
  return { output: applyLinear(weights.output, merged), probabilities };
}

/** Additive bias from a 0/1 "may attend" tensor: 0 where allowed, {@link maskedScore} where masked. */
export function maskBias(allowed: tf.Tensor): tf.Tensor {
  return tf.mul(tf.sub(1, allowed), maskedScore);
}
