import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdamW, isDecayed } from '../../../../main/engine/train/adamw';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Textbook AdamW on plain numbers (PyTorch's torch.optim.AdamW), written independently of the tensor code. */
function referenceAdamW(
  w0: number[],
  gradsPerStep: number[][],
  lrs: number[],
  o: { beta1: number; beta2: number; epsilon: number; weightDecay: number; isDecayed: boolean },
): number[] {
  const w = [...w0];
  const m = w.map(() => 0);
  const v = w.map(() => 0);
  gradsPerStep.forEach((g, s) => {
    const t = s + 1;
    const lr = lrs[s] ?? 0;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i] ?? 0;
      if (o.isDecayed) w[i] = (w[i] ?? 0) - lr * o.weightDecay * (w[i] ?? 0);
      m[i] = o.beta1 * (m[i] ?? 0) + (1 - o.beta1) * gi;
      v[i] = o.beta2 * (v[i] ?? 0) + (1 - o.beta2) * gi * gi;
      const mHat = (m[i] ?? 0) / (1 - o.beta1 ** t);
      const vHat = (v[i] ?? 0) / (1 - o.beta2 ** t);
      w[i] = (w[i] ?? 0) - (lr * mHat) / (Math.sqrt(vHat) + o.epsilon);
    }
  });
  return w;
}

describe('adamw', () => {
  const options = { beta1: 0.9, beta2: 0.99, epsilon: 1e-3, weightDecay: 0.1 };
  const matrix0 = [0.5, -1.2, 2.0, 0.1];
  const bias0 = [0.3, -0.4];
  const matrixGrads = [
    [0.1, -0.2, 0.3, 0.0],
    [-0.5, 0.4, 0.05, 1.0],
    [0.2, 0.2, -0.7, -0.3],
  ];
  const biasGrads = [
    [1.0, -2.0],
    [0.5, 0.5],
    [-0.1, 3.0],
  ];
  const lrs = [0.1, 0.05, 0.02];

  it('matches a hand computation over three steps, decaying matrices and not biases', () => {
    const matrix = tf.variable(tf.tensor2d(matrix0, [2, 2]));
    const bias = tf.variable(tf.tensor1d(bias0));
    const params = new Map<string, tf.Variable>([
      ['w', matrix],
      ['b', bias],
    ]);
    const optimizer = new AdamW(params, options);
    for (let s = 0; s < 3; s++) {
      const grads = new Map<string, tf.Tensor>([
        ['w', tf.tensor2d(matrixGrads[s] ?? [], [2, 2])],
        ['b', tf.tensor1d(biasGrads[s] ?? [])],
      ]);
      optimizer.apply(grads, lrs[s] ?? 0);
      for (const g of grads.values()) g.dispose();
    }
    const expectedMatrix = referenceAdamW(matrix0, matrixGrads, lrs, { ...options, isDecayed: true });
    const expectedBias = referenceAdamW(bias0, biasGrads, lrs, { ...options, isDecayed: false });
    const actualMatrix = Array.from(matrix.dataSync());
    const actualBias = Array.from(bias.dataSync());
    actualMatrix.forEach((x, i) => expect(x).toBeCloseTo(expectedMatrix[i] ?? NaN, 5));
    actualBias.forEach((x, i) => expect(x).toBeCloseTo(expectedBias[i] ?? NaN, 5));
    // The decay made a difference: without it the matrix would have ended elsewhere.
    const undecayed = referenceAdamW(matrix0, matrixGrads, lrs, { ...options, isDecayed: false });
    expect(Math.abs((actualMatrix[2] ?? 0) - (undecayed[2] ?? 0))).toBeGreaterThan(1e-3);
    expect(optimizer.stepCount).toBe(3);
    optimizer.dispose();
    matrix.dispose();
    bias.dispose();
  });

  it('decays rank ≥ 2 tensors only', () => {
    const vector = tf.variable(tf.zeros([3]));
    const matrix = tf.variable(tf.zeros([3, 2]));
    expect(isDecayed(vector)).toBe(false);
    expect(isDecayed(matrix)).toBe(true);
    vector.dispose();
    matrix.dispose();
  });

  it('leaves a parameter without a gradient untouched', () => {
    const w = tf.variable(tf.tensor1d([1, 2]));
    const optimizer = new AdamW(new Map([['w', w]]), options);
    optimizer.apply(new Map(), 0.1);
    expect(Array.from(w.dataSync())).toEqual([1, 2]);
    optimizer.dispose();
    w.dispose();
  });

  it('keeps the tensor count flat across steps and frees its state on dispose', () => {
    const before = tf.memory().numTensors;
    const w = tf.tidy(() => tf.variable(tf.randomNormal([4, 4])));
    const optimizer = new AdamW(new Map([['w', w]]), options);
    const grad = tf.ones([4, 4]);
    optimizer.apply(new Map([['w', grad]]), 0.01);
    const afterOne = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) optimizer.apply(new Map([['w', grad]]), 0.01);
    expect(tf.memory().numTensors).toBe(afterOne);
    optimizer.dispose();
    grad.dispose();
    w.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
