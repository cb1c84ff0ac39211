/**
 * The tensor operations every model is built from. Models call only these (never `tf.matMul` with transposes,
 * `tf.gather` or `tf.oneHot` directly), so each op can carry a gradient that is correct and fast on every
 * backend — the stock wasm gradients lack kernels (UnsortedSegmentSum) or use slow transposed matMuls.
 */
import * as tf from '@tensorflow/tfjs';

/** `x · w + b`: x [n, in], w [in, out], b [out] → [n, out]. */
export function linear(x: tf.Tensor2D, w: tf.Tensor2D, b?: tf.Tensor1D): tf.Tensor2D {
  const y = tf.matMul(x, w);
  return b ? tf.add(y, b) : y;
}

/** Rows of `table` [vocab, d] for each id of `ids` [n] (int32) → [n, d]. */
export function embed(ids: tf.Tensor1D, table: tf.Tensor2D): tf.Tensor2D {
  return tf.gather(table, ids);
}

/** Output logits through a tied embedding: x [n, d] · tableᵀ → [n, vocab]. */
export function tiedLogits(x: tf.Tensor2D, table: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(x, table, false, true);
}

/** Batched matMul a [b, n, k] · b [b, k, m] → [b, n, m], with optional transposes of the last two axes. */
export function batchMatMul(
  a: tf.Tensor3D,
  b: tf.Tensor3D,
  transposeA = false,
  transposeB = false,
): tf.Tensor3D {
  return tf.matMul(a, b, transposeA, transposeB);
}

/**
 * Mean cross-entropy of `logits` [n, vocab] against integer `labels` [n]; `weights` [n] (0/1) selects the
 * positions that count (e.g. BERT's masked positions) and the mean is over the selected ones.
 */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, weights?: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const logProbs = tf.logSoftmax(logits);
    const picked = tf.sum(tf.mul(logProbs, tf.oneHot(labels, logits.shape[1]).toFloat()), 1);
    if (!weights) return tf.neg(tf.mean(picked));
    return tf.neg(tf.div(tf.sum(tf.mul(picked, weights)), tf.maximum(tf.sum(weights), 1)));
  });
}
