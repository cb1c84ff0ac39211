/** Test helper: run the same computation on the cpu and the wasm backend (with the project's kernels). */
import * as tf from '@tensorflow/tfjs';
import { wasmLoader } from '../../../../main/engine/tf-backends';

/** Loads the wasm backend and registers the project's kernels (as the engine does); leaves cpu current. */
export async function loadBackends(): Promise<void> {
  await wasmLoader.load();
  await tf.setBackend('cpu');
}

/** Runs `compute` on `backend` and returns its tensors as plain arrays (the tensors are freed). */
export function runOn(backend: 'cpu' | 'wasm', compute: () => tf.Tensor | tf.Tensor[]): number[][] {
  tf.setBackend(backend);
  try {
    return tf.tidy(() => {
      const out = compute();
      return (Array.isArray(out) ? out : [out]).map((t) => Array.from(t.dataSync()));
    });
  } finally {
    tf.setBackend('cpu');
  }
}

/** Seeded values in [-1, 1) (a small LCG), identical on every backend. */
export function values(count: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

/** A seeded float tensor of `shape`. */
export function seeded(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(
    values(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
    shape,
  );
}

/** Largest |a − b| over two lists of arrays of equal shapes (Infinity when the shapes differ). */
export function maxDifference(a: number[][], b: number[][]): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  a.forEach((row, i) => {
    const other = b[i] ?? [];
    if (other.length !== row.length) worst = Infinity;
    row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - (other[j] ?? NaN)) || 0)));
    if (row.some((v, j) => Number.isNaN(v) !== Number.isNaN(other[j] ?? NaN))) worst = Infinity;
  });
  return worst;
}
