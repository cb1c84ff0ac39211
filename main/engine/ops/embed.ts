/** Embedding lookup whose gradient is a segment sum (the wasm backend gets that kernel from ../kernels). */
import * as tf from '@tensorflow/tfjs';
import { withGradient } from './custom-op';

/** Rows of `table` [vocab, d] for each id of `ids` [n] (int32) → [n, d]. */
export function embed(ids: tf.Tensor1D, table: tf.Tensor2D): tf.Tensor2D {
  const vocab = table.shape[0];
  return withGradient([table], () => ({
    value: tf.gather(table, ids),
    keep: [ids],
    // Row i of dy [n, d] is added into row ids[i] of the table's gradient [vocab, d].
    gradient: (dy, _inputs, [keptIds]) => [tf.unsortedSegmentSum(dy, keptIds as tf.Tensor1D, vocab)],
  }));
}
