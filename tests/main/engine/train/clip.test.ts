import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { clipByGlobalNorm } from '../../../../main/engine/train/clip';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('clip', () => {
  it('scales every gradient by maxNorm / globalNorm when the norm is too large', () => {
    // Global norm of (3, 4) and (12) = √(9 + 16 + 144) = 13.
    const grads = new Map<string, tf.Tensor>([
      ['a', tf.tensor1d([3, 4])],
      ['b', tf.tensor2d([[12]])],
    ]);
    const { grads: clipped, norm } = clipByGlobalNorm(grads, 6.5);
    expect(norm.dataSync()[0]).toBeCloseTo(13, 4);
    const a = Array.from(clipped.get('a')?.dataSync() ?? []);
    expect(a[0]).toBeCloseTo(1.5, 4);
    expect(a[1]).toBeCloseTo(2, 4);
    expect(clipped.get('b')?.dataSync()[0]).toBeCloseTo(6, 4);
    expect(clipped.get('b')?.shape).toEqual([1, 1]);
    tf.dispose([...grads.values(), ...clipped.values(), norm]);
  });

  it('leaves gradients below the threshold unchanged', () => {
    const grads = new Map<string, tf.Tensor>([['a', tf.tensor1d([0.3, -0.4])]]);
    const { grads: clipped, norm } = clipByGlobalNorm(grads, 1);
    expect(norm.dataSync()[0]).toBeCloseTo(0.5, 5);
    const a = Array.from(clipped.get('a')?.dataSync() ?? []);
    expect(a[0]).toBeCloseTo(0.3, 5);
    expect(a[1]).toBeCloseTo(-0.4, 5);
    tf.dispose([...grads.values(), ...clipped.values(), norm]);
  });

  it('creates exactly the returned tensors', () => {
    const grads = new Map<string, tf.Tensor>([
      ['a', tf.ones([5])],
      ['b', tf.ones([2, 2])],
    ]);
    const before = tf.memory().numTensors;
    const { grads: clipped, norm } = clipByGlobalNorm(grads, 1);
    expect(tf.memory().numTensors).toBe(before + 3);
    tf.dispose([...clipped.values(), norm]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...grads.values()]);
  });
});
