import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchMatMul, crossEntropy, embed, linear, oneHot, tiedLogits } from '../../../../main/engine/ops';
import { loadBackends, maxDifference, runOn, seeded } from '../kernels/two-backends';

beforeAll(loadBackends);

type Inputs = () => tf.Tensor[];
type Loss = (...xs: tf.Tensor[]) => tf.Scalar;

/** The loss and its gradient with respect to every input. */
function valueAndGrads(loss: Loss, inputs: Inputs): () => tf.Tensor[] {
  return () => {
    const { value, grads } = tf.valueAndGrads(loss)(inputs());
    return [value, ...grads];
  };
}

/**
 * `ours` on cpu and on wasm must match `reference` — the same function from stock TF.js ops with their stock
 * gradients, on cpu — in value and every gradient.
 */
function expectMatchesReference(ours: Loss, reference: Loss, inputs: Inputs, tolerance = 1e-5): void {
  const expected = runOn('cpu', valueAndGrads(reference, inputs));
  for (const backend of ['cpu', 'wasm'] as const) {
    const actual = runOn(backend, valueAndGrads(ours, inputs));
    expect(maxDifference(actual, expected), backend).toBeLessThanOrEqual(tolerance);
  }
}

/** Σ y·r for a fixed random r, so every entry of dy differs (a plain Σ y would send ones). */
function weighted(y: tf.Tensor, seed: number): tf.Scalar {
  return tf.sum(tf.mul(y, seeded(y.shape, seed)));
}

const t2 = (t: tf.Tensor): tf.Tensor2D => t as tf.Tensor2D;
const t3 = (t: tf.Tensor): tf.Tensor3D => t as tf.Tensor3D;

describe('ops', () => {
  it('linear matches x·w + b in value and gradients, with and without bias', () => {
    const inputs = (): tf.Tensor[] => [seeded([9, 6], 1), seeded([6, 5], 2), seeded([5], 3)];
    expectMatchesReference(
      (x, w, b) => weighted(linear(t2(x), t2(w), b as tf.Tensor1D), 4),
      (x, w, b) => weighted(tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b as tf.Tensor), 4),
      inputs,
    );
    expectMatchesReference(
      (x, w) => weighted(linear(t2(x), t2(w)), 4),
      (x, w) => weighted(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), 4),
      () => inputs().slice(0, 2),
    );
  });

  it('tiedLogits matches x·tableᵀ', () => {
    expectMatchesReference(
      (x, table) => weighted(tiedLogits(t2(x), t2(table)), 5),
      (x, table) => weighted(tf.matMul(x as tf.Tensor2D, table as tf.Tensor2D, false, true), 5),
      () => [seeded([7, 8], 6), seeded([11, 8], 7)],
    );
  });

  it('batchMatMul matches tf.matMul for every combination of transposes', () => {
    for (const [transposeA, transposeB] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ]) {
      const shapeA = transposeA ? [3, 6, 5] : [3, 5, 6];
      const shapeB = transposeB ? [3, 7, 6] : [3, 6, 7];
      expectMatchesReference(
        (a, b) => weighted(batchMatMul(t3(a), t3(b), transposeA, transposeB), 8),
        (a, b) => weighted(tf.matMul(a as tf.Tensor3D, b as tf.Tensor3D, transposeA, transposeB), 8),
        () => [seeded(shapeA, 9), seeded(shapeB, 10)],
      );
    }
  });

  it('embed matches tf.gather, adding the gradient of repeated ids', () => {
    const ids = (): tf.Tensor1D => tf.tensor1d([3, 0, 3, 5, 3], 'int32');
    expectMatchesReference(
      (table) => weighted(embed(ids(), t2(table)), 11),
      (table) => weighted(tf.gather(table as tf.Tensor2D, ids()), 11),
      () => [seeded([6, 4], 12)],
    );
  });

  it('crossEntropy matches −mean log softmax at the label, with and without weights', () => {
    const labels = (): tf.Tensor1D => tf.tensor1d([2, 0, 6, 6, 1], 'int32');
    const reference = (logits: tf.Tensor, weights?: tf.Tensor1D): tf.Scalar => {
      const picked = tf.sum(
        tf.mul(tf.logSoftmax(logits as tf.Tensor2D), tf.oneHot(labels(), 7).toFloat()),
        1,
      );
      if (!weights) return tf.neg(tf.mean(picked)) as tf.Scalar;
      return tf.neg(tf.div(tf.sum(tf.mul(picked, weights)), tf.sum(weights))) as tf.Scalar;
    };
    const logits = (): tf.Tensor[] => [tf.mul(seeded([5, 7], 13), 4)];
    expectMatchesReference(
      (x) => crossEntropy(t2(x), labels()),
      (x) => reference(x),
      logits,
    );
    const mask = (): tf.Tensor1D => tf.tensor1d([1, 0, 1, 1, 0]);
    expectMatchesReference(
      (x) => crossEntropy(t2(x), labels(), mask()),
      (x) => reference(x, mask()),
      logits,
    );
  });

  it('crossEntropy stays finite and exact when the label is far below the other logits', () => {
    // exp(−200) underflows float32: a loss computed as −log(softmax[label]) would be Infinity.
    for (const backend of ['cpu', 'wasm'] as const) {
      const [[loss = NaN] = [], grad = []] = runOn(backend, () => {
        const logits = tf.tensor2d([[0, -200, 3]]);
        const { value, grads } = tf.valueAndGrads((x: tf.Tensor) =>
          crossEntropy(t2(x), tf.tensor1d([1], 'int32')),
        )([logits]);
        return [value, ...grads];
      });
      const logSumExp = 3 + Math.log(1 + Math.exp(-3) + Math.exp(-203));
      expect(loss).toBeCloseTo(logSumExp + 200, 3);
      expect(grad[1]).toBeCloseTo(-1, 6);
    }
  });

  it('crossEntropy counts no positions when every weight is 0', () => {
    const [[loss = NaN] = []] = runOn('wasm', () =>
      crossEntropy(tf.tensor2d([[1, 2]]), tf.tensor1d([0], 'int32'), tf.tensor1d([0])),
    );
    expect(loss).toBe(0);
  });

  it('oneHot gives float rows of 0 and 1 on every backend', () => {
    for (const backend of ['cpu', 'wasm'] as const) {
      expect(runOn(backend, () => oneHot(tf.tensor1d([2, 0], 'int32'), 3))).toEqual([[0, 0, 1, 1, 0, 0]]);
    }
  });

  it('leaves no tensors behind across repeated training steps', () => {
    tf.setBackend('wasm');
    const x = seeded([6, 4], 14);
    const w = tf.variable(seeded([4, 4], 15)) as tf.Variable<tf.Rank.R2>;
    const table = tf.variable(seeded([9, 4], 16)) as tf.Variable<tf.Rank.R2>;
    const step = (): void => {
      const { value, grads } = tf.variableGrads(() => {
        const hidden = linear(
          tf.add(x, embed(tf.tensor1d([1, 2, 3, 1, 8, 0], 'int32'), table)) as tf.Tensor2D,
          w,
        );
        const mixed = batchMatMul(
          hidden.reshape([2, 3, 4]) as tf.Tensor3D,
          hidden.reshape([2, 3, 4]) as tf.Tensor3D,
          false,
          true,
        );
        const logits = tiedLogits(tf.add(hidden, tf.sum(mixed)) as tf.Tensor2D, table);
        return crossEntropy(logits, tf.tensor1d([0, 1, 2, 3, 4, 5], 'int32'));
      });
      tf.dispose([value, ...Object.values(grads)]);
    };
    step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w, table]);
    tf.setBackend('cpu');
  });
});
