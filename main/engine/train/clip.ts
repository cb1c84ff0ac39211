/**
 * Gradient clipping by global norm: when the L2 norm of all gradients together exceeds `maxNorm`, every
 * gradient is scaled by the same factor `maxNorm / norm`, so the update keeps its direction but not its size.
 */
import * as tf from '@tensorflow/tfjs';

/** The clipped gradients (new tensors the caller owns) and the norm before clipping ([] scalar). */
export interface ClippedGradients {
  grads: Map<string, tf.Tensor>;
  norm: tf.Scalar;
}

/** Clips `grads` to a global L2 norm of at most `maxNorm`; does not dispose the inputs. */
export function clipByGlobalNorm(grads: ReadonlyMap<string, tf.Tensor>, maxNorm: number): ClippedGradients {
  const names = [...grads.keys()];
  // tidy keeps only tensors it can find in arrays and plain objects (not in a Map), so return an array.
  const [norm, ...scaled] = tf.tidy(() => {
    const values = [...grads.values()];
    // Flattened first: one full reduction per gradient, whatever its rank.
    const squares = values.map((g) => tf.sum(tf.square(tf.reshape(g, [-1]))));
    const total = squares.length > 0 ? tf.sqrt(tf.addN(squares)) : tf.scalar(0);
    // min(1, maxNorm / norm): gradients below the threshold pass unchanged (the 1e-6 avoids 0/0).
    const scale = tf.minimum(1, tf.div(maxNorm, tf.add(total, 1e-6)));
    return [total, ...values.map((g) => tf.mul(g, scale))];
  });
  const clipped = new Map<string, tf.Tensor>();
  names.forEach((name, i) => clipped.set(name, scaled[i] as tf.Tensor));
  return { grads: clipped, norm: norm as tf.Scalar };
}
