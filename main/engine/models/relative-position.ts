/**
 * T5's relative position bias: each head learns one scalar per *bucket* of query–key distance and adds it to
 * the attention scores. Short distances get a bucket each; longer ones share logarithmically wider buckets up
 * to `maxDistance`. The encoder's buckets tell "before" from "after"; the decoder (causal) only looks back.
 * Same bucketing as T5 and the PyTorch anchor (32 buckets, max distance 128).
 */
import * as tf from '@tensorflow/tfjs';
import { embed } from '../ops';

/** T5's defaults. */
export const relativeBuckets = 32;
export const relativeMaxDistance = 128;

/** Bucket of one signed distance `key - query`. */
export function relativeBucket(
  distance: number,
  isBidirectional: boolean,
  buckets = relativeBuckets,
  maxDistance = relativeMaxDistance,
): number {
  let count = buckets;
  let offset = 0;
  let n: number;
  if (isBidirectional) {
    count = Math.floor(count / 2);
    offset = distance > 0 ? count : 0; // keys after the query use the upper half
    n = Math.abs(distance);
  } else {
    n = Math.max(-distance, 0); // a causal query never sees later keys
  }
  const maxExact = Math.floor(count / 2);
  if (n < maxExact) return offset + n;
  const large =
    maxExact + Math.floor((Math.log(n / maxExact) / Math.log(maxDistance / maxExact)) * (count - maxExact));
  return offset + Math.min(large, count - 1);
}

/** Bucket ids [tq * tk] of every (query, key) pair, row-major. */
export function relativeBucketIds(
  queryLength: number,
  keyLength: number,
  isBidirectional: boolean,
): Int32Array {
  const ids = new Int32Array(queryLength * keyLength);
  for (let q = 0; q < queryLength; q++) {
    for (let k = 0; k < keyLength; k++) ids[q * keyLength + k] = relativeBucket(k - q, isBidirectional);
  }
  return ids;
}

/** The bias [1, h, tq, tk] from a table [buckets, h] of learned per-head scalars. */
export function relativePositionBias(
  table: tf.Tensor2D,
  queryLength: number,
  keyLength: number,
  isBidirectional: boolean,
): tf.Tensor4D {
  const heads = table.shape[1];
  const ids = tf.tensor1d(relativeBucketIds(queryLength, keyLength, isBidirectional), 'int32');
  const perPair = tf.reshape(embed(ids, table), [queryLength, keyLength, heads]); // [tq, tk, h]
  return tf.reshape(tf.transpose(perPair, [2, 0, 1]), [1, heads, queryLength, keyLength]);
}
