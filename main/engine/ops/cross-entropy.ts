/**
 * Softmax cross-entropy with its gradient written directly as softmax − one-hot. Nothing here evaluates exp or
 * log over the whole [n, vocab] logits (scalar exp on wasm costs ~7 ns per value): the only full pass is the
 * XNNPACK softmax, and the log-sum-exp comes from it.
 */
import * as tf from '@tensorflow/tfjs';
import { withGradient } from './custom-op';

/** Float one-hot rows [n, depth] for ids [n]; built as int32 and cast, which is correct on every backend. */
export function oneHot(ids: tf.Tensor1D, depth: number): tf.Tensor2D {
  return tf.tidy(() => tf.cast(tf.oneHot(ids, depth), 'float32') as tf.Tensor2D);
}

/** Per-row weight of the mean: wᵢ / max(Σw, 1), or 1/n without weights → [n]. */
function rowWeights(n: number, weights?: tf.Tensor1D): tf.Tensor1D {
  if (!weights) return tf.fill([n], 1 / n);
  return tf.div(tf.cast(weights, 'float32'), tf.maximum(tf.sum(weights), 1));
}

/**
 * Mean cross-entropy of `logits` [n, vocab] against integer `labels` [n]; `weights` [n] (0/1) selects the
 * positions that count (e.g. BERT's masked positions) and the mean is over the selected ones. Every label must
 * be a valid id, even where its weight is 0.
 */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, weights?: tf.Tensor1D): tf.Scalar {
  const [n, vocab] = logits.shape;
  return withGradient([logits], () => {
    const probabilities = tf.softmax(logits); // [n, vocab]
    // The largest probability is exp(max − logSumExp) ≥ 1/vocab, so this log never sees an underflow.
    const logSumExp = tf.sub(tf.max(logits, 1), tf.log(tf.max(probabilities, 1))); // [n]
    const labelIndex = tf.add(
      tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(vocab, 'int32')),
      tf.cast(labels, 'int32'),
    ); // [n] flat
    const labelLogit = tf.gather(tf.reshape(logits, [n * vocab]), labelIndex); // [n]
    const scale = rowWeights(n, weights); // [n]
    return {
      value: tf.sum(tf.mul(tf.sub(logSumExp, labelLogit), scale)), // Σ −log p(label) · weight
      keep: [probabilities, labelIndex, scale],
      gradient: (dy, _inputs, kept) => {
        const [probs, index, rowScale] = kept as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D];
        const s = tf.mul(rowScale, dy); // [n]
        // d loss / d logits = (softmax − onehot) · s: scale every row, then fix the n label entries in place.
        const scaled = tf.reshape(tf.mul(probs, tf.reshape(s, [n, 1])), [n * vocab]);
        const atLabel = tf.sub(tf.gather(scaled, index), s);
        const grad = tf.tensorScatterUpdate(scaled, tf.reshape(index, [n, 1]), atLabel);
        return [tf.reshape(grad, [n, vocab])];
      },
    };
  });
}
