/**
 * `Sum` over leading axes for the wasm backend (e.g. the bias and gain gradients: Σ over the rows of
 * [rows, d]). The stock kernel first transposes the reduced axes to the end with a slow transpose (~2 ms per
 * [2048, 128] here); adding rows into an accumulator needs no transpose. Other reductions go to the stock kernel.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { callStock } from './stock-kernels';
import type { WasmKernelArgs } from './wasm-heap';
import { heapView, input, makeOutput, sizeOf } from './wasm-heap';

/** The reduced axes, normalised and sorted, or null when they are not a leading prefix 0, 1, …, j − 1. */
function leadingAxes(axis: unknown, rank: number): number[] | null {
  if (axis === null || axis === undefined) return null; // every axis: the stock kernel needs no transpose
  const list = (Array.isArray(axis) ? axis : [axis])
    .map((a) => (Number(a) + rank) % rank)
    .sort((a, b) => a - b);
  return list.every((a, i) => a === i) && list.length < rank ? list : null;
}

function sum(args: WasmKernelArgs): TensorInfo {
  const { backend } = args;
  const x = input(args, 'x');
  const axes = leadingAxes(args.attrs?.axis, x.shape.length);
  if (!axes || (x.dtype !== 'float32' && x.dtype !== 'int32')) return callStock('Sum', args);
  const keepDims = Boolean(args.attrs?.keepDims);
  const kept = x.shape.slice(axes.length);
  const out = makeOutput(backend, keepDims ? [...axes.map(() => 1), ...kept] : kept, x.dtype);
  const src = heapView(backend, x);
  const dst = heapView(backend, out);
  const inner = sizeOf(kept);
  const rows = sizeOf(x.shape.slice(0, axes.length));
  dst.fill(0);
  for (let r = 0; r < rows; r++) {
    const from = r * inner;
    for (let j = 0; j < inner; j++) dst[j] = (dst[j] as number) + (src[from + j] as number);
  }
  return out;
}

/** Registration record for `tf.registerKernel`. */
export const sumConfig: KernelConfig = {
  kernelName: 'Sum',
  backendName: 'wasm',
  kernelFunc: sum as unknown as KernelFunc,
};
