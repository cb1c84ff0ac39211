/**
 * Matrix products with hand-written gradients. TF.js's stock gradients are correct, but on the wasm backend
 * they were slow (transposed and batched products ran a naive loop at ~1–3 GFLOP/s); ../kernels now runs every
 * form of product in WebAssembly SIMD at 30–50 GFLOP/s, and these gradients ask for the forms that need no
 * materialised transpose and no extra reshapes: each gradient is one product with transpose flags.
 */
import * as tf from '@tensorflow/tfjs';
import { withGradient } from './custom-op';

type T2 = tf.Tensor2D;
type T3 = tf.Tensor3D;

/** The gradients of x · w: dx = dy · wᵀ, dw = xᵀ · dy. */
function linearGradients(dy: T2, x: T2, w: T2): [T2, T2] {
  return [tf.matMul(dy, w, false, true), tf.matMul(x, dy, true, false)];
}

/** `x · w + b`: x [n, in], w [in, out], b [out] → [n, out]. */
export function linear(x: T2, w: T2, b?: tf.Tensor1D): T2 {
  if (b) {
    return withGradient([x, w, b], () => ({
      value: tf.fused.matMul({ a: x, b: w, bias: b }) as T2, // one kernel: the bias starts the accumulators
      gradient: (dy, [xs, ws]) => [...linearGradients(dy as T2, xs as T2, ws as T2), tf.sum(dy, 0)],
    }));
  }
  return withGradient([x, w], () => ({
    value: tf.matMul(x, w),
    gradient: (dy, [xs, ws]) => linearGradients(dy as T2, xs as T2, ws as T2),
  }));
}

/** Output logits through a tied embedding: x [n, d] · tableᵀ → [n, vocab]. */
export function tiedLogits(x: T2, table: T2): T2 {
  return withGradient([x, table], () => ({
    value: tf.matMul(x, table, false, true),
    gradient: (dy, [xs, tables]) => [
      tf.matMul(dy as T2, tables as T2), // dx = dy · table: [n, vocab] · [vocab, d]
      tf.matMul(dy as T2, xs as T2, true, false), // dtable = dyᵀ · x: [vocab, n] · [n, d]
    ],
  }));
}

/** op(a) · op(b) for a batch of matrices, where op transposes the last two axes when asked. */
function product(a: T3, b: T3, transposeA: boolean, transposeB: boolean): T3 {
  return tf.matMul(a, b, transposeA, transposeB);
}

/** Batched matMul a [b, n, k] · b [b, k, m] → [b, n, m], with optional transposes of the last two axes. */
export function batchMatMul(a: T3, b: T3, transposeA = false, transposeB = false): T3 {
  return withGradient([a, b], () => ({
    value: product(a, b, transposeA, transposeB),
    gradient: (dy, [as, bs]) => {
      const [dc, x, y] = [dy as T3, as as T3, bs as T3];
      // C = op(A)·op(B): the textbook pair of gradients for each combination of transposes.
      if (!transposeA && !transposeB) return [product(dc, y, false, true), product(x, dc, true, false)];
      if (!transposeA && transposeB) return [product(dc, y, false, false), product(dc, x, true, false)];
      if (transposeA && !transposeB) return [product(y, dc, false, true), product(x, dc, false, false)];
      return [product(y, dc, true, true), product(dc, x, true, true)];
    },
  }));
}
