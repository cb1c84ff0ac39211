import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmKernels } from '../../../../main/engine/kernels/wasm-kernels';
import { loadBackends, maxDifference, runOn, seeded } from './two-backends';

beforeAll(loadBackends);

/** The same computation on cpu (the reference) and wasm, compared within `tolerance`. */
function expectSameOnBoth(compute: () => tf.Tensor | tf.Tensor[], tolerance = 1e-6): number[][] {
  const reference = runOn('cpu', compute);
  const wasm = runOn('wasm', compute);
  expect(maxDifference(wasm, reference)).toBeLessThanOrEqual(tolerance);
  return wasm;
}

describe('registerWasmKernels', () => {
  it('gives the wasm backend UnsortedSegmentSum, so the stock gather gradient works', () => {
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBeDefined();
    const ids = [3, 1, 3, 0, 3];
    const [grad] = expectSameOnBoth(() => {
      const table = seeded([5, 4], 1);
      const weights = seeded([5, 4], 2);
      return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, tf.tensor1d(ids, 'int32')), weights)))(
        table,
      );
    });
    // Row 3 of the gradient collects rows 0, 2 and 4 of the weights; row 2 and 4 get nothing.
    const w = runOn('cpu', () => seeded([5, 4], 2))[0] ?? [];
    for (let j = 0; j < 4; j++) {
      expect(grad?.[3 * 4 + j]).toBeCloseTo((w[j] ?? 0) + (w[8 + j] ?? 0) + (w[16 + j] ?? 0), 6);
      expect(grad?.[2 * 4 + j]).toBe(0);
    }
  });

  it('sums segments of a 3-D tensor and drops ids outside [0, numSegments)', () => {
    const compute = (dtype: 'float32' | 'int32') => () => {
      const x = tf.cast(tf.mul(seeded([6, 2, 3], 3), 10), dtype);
      return tf.unsortedSegmentSum(x, tf.tensor1d([2, 0, 2, -1, 7, 1], 'int32'), 4);
    };
    expectSameOnBoth(compute('float32'));
    expectSameOnBoth(compute('int32'), 0);
  });

  it('makes tf.oneHot return real float32 ones and zeros', () => {
    const [float] = expectSameOnBoth(
      () => tf.oneHot(tf.tensor1d([1, 0, 2, 5], 'int32'), 3, 1, 0, 'float32'),
      0,
    );
    expect(float).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0]);
    const [custom] = expectSameOnBoth(() => tf.oneHot(tf.tensor2d([[2], [0]], [2, 1], 'int32'), 3, 5, -1), 0);
    expect(custom).toEqual([-1, -1, 5, 5, -1, -1]);
  });

  it('multiplies batched and transposed matrices as the cpu backend does', () => {
    const cases: [number[], number[], boolean, boolean][] = [
      [[3, 5, 7], [3, 7, 9], false, false],
      [[3, 7, 5], [3, 7, 9], true, false],
      [[3, 5, 7], [3, 9, 7], false, true],
      [[3, 7, 5], [3, 9, 7], true, true],
      [[1, 6, 7], [4, 7, 9], false, false], // a batch of one is broadcast
      [[4, 6, 7], [1, 10, 7], false, true],
      [[2, 3, 8, 16], [2, 3, 16, 8], false, false],
      [[16, 64, 32], [16, 64, 32], false, true], // attention-sized, whole register tiles
      [[13, 11], [17, 11], false, true], // single products with transposes
      [[11, 13], [11, 17], true, false],
      [[11, 13], [13, 17], false, false],
      [[37, 300], [300, 500], false, false], // B in several cache blocks of columns
      [[5, 600], [9, 600], false, true], // long inner size: one block
    ];
    for (const [shapeA, shapeB, transposeA, transposeB] of cases) {
      // Float32 sums in another order differ by rounding, which grows with the inner size (up to 600 here).
      const inner = (transposeA ? shapeA.at(-2) : shapeA.at(-1)) ?? 1;
      const tolerance = 2e-7 * inner;
      expectSameOnBoth(
        () => tf.matMul(seeded(shapeA, 4), seeded(shapeB, 5), transposeA, transposeB),
        tolerance,
      );
    }
    tf.setBackend('wasm');
    expect(() => tf.tidy(() => tf.matMul(tf.ones([2, 3, 4]), tf.ones([2, 5, 6])))).toThrow(/inner/);
    tf.setBackend('cpu');
  });

  it('adds the bias of a fused product, and hands activations to the stock kernel', () => {
    for (const [transposeA, transposeB] of [
      [false, false],
      [true, true],
    ] as const) {
      expectSameOnBoth(() => {
        const a = seeded(transposeA ? [6, 9] : [9, 6], 17);
        const b = seeded(transposeB ? [11, 6] : [6, 11], 18);
        const bias = seeded([11], 19);
        return [
          tf.fused.matMul({ a, b, bias, transposeA, transposeB }),
          tf.fused.matMul({ a, b, transposeA, transposeB }),
          tf.fused.matMul({ a, b, bias, transposeA, transposeB, activation: 'relu' }),
        ];
      }, 1e-5);
    }
  });

  it('transposes any permutation exactly, in float32 and int32', () => {
    const perms: [number[], number[]][] = [
      [
        [37, 70],
        [1, 0],
      ],
      [
        [4, 9, 3, 5],
        [0, 2, 1, 3],
      ],
      [
        [4, 9, 3, 5],
        [0, 2, 3, 1],
      ],
      [
        [3, 1, 5, 7],
        [2, 0, 3, 1],
      ],
      [
        [6, 5, 4],
        [2, 0, 1],
      ], // handed back to the stock kernel
      [
        [2, 3, 4],
        [0, 1, 2],
      ],
    ];
    for (const [shape, perm] of perms) {
      expectSameOnBoth(() => tf.transpose(seeded(shape, 6), perm), 0);
      expectSameOnBoth(() => tf.transpose(tf.cast(tf.mul(seeded(shape, 7), 100), 'int32'), perm), 0);
    }
  });

  it('sums over leading axes (and hands other reductions to the stock kernel)', () => {
    const x = () => seeded([6, 5, 4], 8);
    expectSameOnBoth(
      () => [tf.sum(x(), 0), tf.sum(x(), [0, 1]), tf.sum(x(), 0, true), tf.sum(x(), -1)],
      1e-5,
    );
    expectSameOnBoth(() => [tf.sum(x(), 1), tf.sum(x()), tf.sum(tf.cast(tf.mul(x(), 50), 'int32'), 0)], 1e-5);
  });

  it('gathers rows on axis 0, other axes through the stock kernel, and rejects bad ids', () => {
    const ids = () =>
      tf.tensor2d(
        [
          [4, 0],
          [4, 2],
        ],
        [2, 2],
        'int32',
      );
    expectSameOnBoth(() => [tf.gather(seeded([5, 3], 9), ids()), tf.gather(seeded([5], 9), ids())], 0);
    expectSameOnBoth(() => tf.gather(seeded([3, 5], 10), tf.tensor1d([4, 1], 'int32'), 1), 0);
    tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    expect(() => tf.tidy(() => tf.gather(tf.ones([3, 2]), tf.tensor1d([3], 'int32')))).toThrow(
      /index value 3/,
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.setBackend('cpu');
  });

  it('computes exp like the cpu backend, including the ends of the float range', () => {
    const special = [
      0,
      -0,
      1,
      -1,
      10,
      -10,
      88,
      88.7,
      89,
      1000,
      -87,
      -87.5,
      -1000,
      Infinity,
      -Infinity,
      NaN,
      1e-8,
    ];
    for (const xs of [special, runOn('cpu', () => tf.mul(seeded([1001], 20), 30))[0] ?? []]) {
      const [expected = []] = runOn('cpu', () => tf.exp(tf.tensor1d(xs)));
      const [actual = []] = runOn('wasm', () => tf.exp(tf.tensor1d(xs)));
      actual.forEach((value, i) => {
        const want = expected[i] ?? NaN;
        if (Number.isFinite(want) && want >= 1.2e-38)
          expect(Math.abs(value - want) / want).toBeLessThan(1e-6);
        else if (want < 1.2e-38)
          expect(value).toBeLessThanOrEqual(1.2e-38); // below the normal floats: 0
        else expect(value).toBe(want); // ±∞ and NaN
      });
    }
  });

  it('computes erf within 3e-7 of the cpu backend, and accurately near 0', () => {
    const xs = [...(runOn('cpu', () => tf.mul(seeded([1003], 21), 4))[0] ?? []), Infinity, -Infinity, NaN];
    const [expected = []] = runOn('cpu', () => tf.erf(tf.tensor1d(xs)));
    const [actual = []] = runOn('wasm', () => tf.erf(tf.tensor1d(xs)));
    actual.forEach((value, i) => {
      const want = expected[i] ?? NaN;
      if (Number.isNaN(want)) expect(value).toBeNaN();
      else expect(Math.abs(value - want)).toBeLessThan(3e-7);
    });
    // The cpu formula loses relative accuracy near 0 (it gives 1.23e-8 for erf(1e-8)); compare with the series.
    const small = [1e-8, -3e-5, 0.001, 0.2, -0.249];
    const [near = []] = runOn('wasm', () => tf.erf(tf.tensor1d(small)));
    small.forEach((x, i) => {
      const series = (2 / Math.sqrt(Math.PI)) * (x - x ** 3 / 3 + x ** 5 / 10 - x ** 7 / 42 + x ** 9 / 216);
      expect(Math.abs((near[i] ?? NaN) - series) / Math.abs(series)).toBeLessThan(1e-6);
    });
  });

  it('clones by sharing memory, and the clone outlives the original', () => {
    tf.setBackend('wasm');
    const original = tf.tensor1d([1, 2, 3]);
    const copy = tf.clone(original);
    original.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3]);
    copy.dispose();
    tf.setBackend('cpu');
  });

  it('leaves the cpu backend as it was and can be called again', () => {
    registerWasmKernels();
    expect(tf.getKernel('UnsortedSegmentSum', 'cpu')?.backendName).toBe('cpu');
    const [hot] = runOn('cpu', () => tf.oneHot(tf.tensor1d([2], 'int32'), 3, 1, 0, 'float32'));
    expect(hot).toEqual([0, 0, 1]);
  });
});
