/**
 * `Transpose` for the wasm backend as copies in TypeScript: the stock kernel costs ~10 ns per value here
 * (3 ms for a [2048, 128] activation, 80 ms for [2048, 4096] logits). Axes are first simplified (size-1 axes
 * dropped, axes that stay neighbours merged); then a permutation that keeps the last axis copies whole runs,
 * and a swap of the last two axes (optionally under a batch axis) is done in cache-sized blocks. Anything
 * else goes to the stock kernel.
 */
import type { KernelConfig, KernelFunc, TensorInfo, TypedArray } from '@tensorflow/tfjs';
import { callStock } from './stock-kernels';
import type { WasmKernelArgs } from './wasm-heap';
import { heapView, input, makeOutput } from './wasm-heap';

/** The same permutation on the fewest axes: size-1 axes dropped, runs of consecutive axes merged. */
export function simplifyPermutation(
  shape: readonly number[],
  perm: readonly number[],
): { shape: number[]; perm: number[] } {
  const kept = perm.filter((axis) => (shape[axis] ?? 1) !== 1);
  // Groups of input axes that appear consecutively, in order, in the output.
  const groups: number[][] = [];
  for (const axis of kept) {
    const last = groups.at(-1);
    if (last && last.at(-1) === axis - 1) last.push(axis);
    else groups.push([axis]);
  }
  const byInputOrder = [...groups].sort((g, h) => (g[0] ?? 0) - (h[0] ?? 0));
  return {
    shape: byInputOrder.map((group) => group.reduce((size, axis) => size * (shape[axis] ?? 1), 1)),
    perm: groups.map((group) => byInputOrder.indexOf(group)),
  };
}

/**
 * dst[b][j][i] = src[b][i][j] for `batch` matrices [rows, cols], in 64 × 64 blocks, writing each output row
 * sequentially (measured here: 0.33 ms for [2048, 128], 5× faster than writing input rows in order).
 */
function transposeBlocks(src: TypedArray, dst: TypedArray, batch: number, rows: number, cols: number): void {
  const block = 64;
  for (let b = 0; b < batch; b++) {
    const base = b * rows * cols;
    for (let j0 = 0; j0 < cols; j0 += block) {
      const jEnd = Math.min(j0 + block, cols);
      for (let i0 = 0; i0 < rows; i0 += block) {
        const iEnd = Math.min(i0 + block, rows);
        for (let j = j0; j < jEnd; j++) {
          let to = base + j * rows + i0;
          let from = base + i0 * cols + j;
          for (let i = i0; i < iEnd; i++, to++, from += cols) dst[to] = src[from] as number;
        }
      }
    }
  }
}

/** Output rows of length shape[last] copied whole from their source offsets (perm keeps the last axis). */
function copyRuns(src: TypedArray, dst: TypedArray, shape: number[], perm: number[]): void {
  const rank = shape.length;
  const run = shape[rank - 1] ?? 1;
  const strides = new Array<number>(rank).fill(1);
  for (let axis = rank - 2; axis >= 0; axis--)
    strides[axis] = (strides[axis + 1] ?? 1) * (shape[axis + 1] ?? 1);
  const outShape = perm.map((axis) => shape[axis] ?? 1);
  const outStrides = perm.map((axis) => strides[axis] ?? 0); // source stride of each output axis
  const counter = new Array<number>(rank - 1).fill(0);
  const runs = dst.length / run;
  let from = 0;
  for (let r = 0; r < runs; r++) {
    dst.set(src.subarray(from, from + run), r * run);
    // Advance the output position (odometer over all but the last axis) and its source offset.
    for (let axis = rank - 2; axis >= 0; axis--) {
      from += outStrides[axis] ?? 0;
      counter[axis] = (counter[axis] ?? 0) + 1;
      if ((counter[axis] ?? 0) < (outShape[axis] ?? 1)) break;
      from -= (outStrides[axis] ?? 0) * (outShape[axis] ?? 1);
      counter[axis] = 0;
    }
  }
}

/** Transposes x by `perm` (the Transpose kernel's contract); also used by ./batch-mat-mul. */
export function transposeKernel(args: WasmKernelArgs): TensorInfo {
  const { backend } = args;
  const x = input(args, 'x');
  const perm = (args.attrs?.perm as number[] | undefined) ?? x.shape.map((_, i) => x.shape.length - 1 - i);
  const simple = simplifyPermutation(x.shape, perm);
  const [p0, p1, p2] = simple.perm;
  const rank = simple.perm.length;
  const isRuns = rank <= 1 || simple.perm[rank - 1] === rank - 1;
  const isSwap = (rank === 2 && p0 === 1) || (rank === 3 && p0 === 0 && p1 === 2 && p2 === 1);
  if (x.dtype === 'string' || !(isRuns || isSwap)) return callStock('Transpose', args);
  const out = makeOutput(
    backend,
    perm.map((axis) => x.shape[axis] ?? 1),
    x.dtype,
  );
  const src = heapView(backend, x);
  const dst = heapView(backend, out);
  if (rank <= 1) dst.set(src);
  else if (isRuns) copyRuns(src, dst, simple.shape, simple.perm);
  else {
    const [batch, rows, cols] = rank === 2 ? [1, ...simple.shape] : simple.shape;
    transposeBlocks(src, dst, batch ?? 1, rows ?? 1, cols ?? 1);
  }
  return out;
}

/** Registration record for `tf.registerKernel`. */
export const transposeConfig: KernelConfig = {
  kernelName: 'Transpose',
  backendName: 'wasm',
  kernelFunc: transposeKernel as unknown as KernelFunc,
};
