/**
 * One differentiable op with a hand-written gradient (`tf.customGrad` with typed arguments). The ops of this
 * folder use it to choose the matMul forms of their gradients instead of TF.js's stock ones.
 */
import * as tf from '@tensorflow/tfjs';

/** What an op's forward pass returns: its value and how to differentiate it. */
export interface OpDefinition<T extends tf.Tensor> {
  value: T;
  /**
   * Tensors besides the inputs that the gradient reads: values computed in the forward pass, and tensors the op
   * closes over (ids, labels). The forward pass runs inside a tidy, so the gradient must not use them directly.
   */
  keep?: tf.Tensor[];
  /** One gradient per input, shaped like it, from dy and the kept copies of the inputs and of `keep`. */
  gradient: (dy: tf.Tensor, inputs: tf.Tensor[], kept: tf.Tensor[]) => tf.Tensor[];
}

type SaveFn = (tensors: tf.Tensor[]) => void;
type CustomResult<T extends tf.Tensor> = { value: T; gradFunc: (dy: T, saved: tf.Tensor[]) => tf.Tensor[] };

/** Runs `forward` (which reads `inputs` from its closure) as a single op over `inputs` with its own gradient. */
export function withGradient<T extends tf.Tensor>(inputs: tf.Tensor[], forward: () => OpDefinition<T>): T {
  const count = inputs.length;
  // customGrad calls f(...inputs, save) and later gradFunc(dy, saved) with the tensors passed to save.
  const f = (...args: unknown[]): CustomResult<T> => {
    const save = args[count] as SaveFn;
    const op = forward();
    save([...inputs, ...(op.keep ?? [])]);
    return {
      value: op.value,
      gradFunc: (dy, saved) => op.gradient(dy, saved.slice(0, count), saved.slice(count)),
    };
  };
  return tf.customGrad(f as unknown as Parameters<typeof tf.customGrad>[0])(...inputs) as T;
}
