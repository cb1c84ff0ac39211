/**
 * `UnsortedSegmentSum` for the wasm backend, which ships without it; `tf.gather`'s gradient needs it (the
 * gradient of an embedding lookup adds each row of dy into the row of its token id).
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { WasmKernelArgs } from './wasm-heap';
import { heapView, input, makeOutput, sizeOf } from './wasm-heap';

/** out[s] = Σ x[i] over every i with segmentIds[i] = s; ids outside [0, numSegments) are dropped (as in TF). */
function unsortedSegmentSum(args: WasmKernelArgs): TensorInfo {
  const { backend } = args;
  const x = input(args, 'x');
  const segmentIds = input(args, 'segmentIds');
  const numSegments = Number(args.attrs?.numSegments);
  // Each id selects a slab of x: x [...idsShape, ...inner] → out [numSegments, ...inner].
  const innerShape = x.shape.slice(segmentIds.shape.length);
  const inner = sizeOf(innerShape);
  const count = sizeOf(segmentIds.shape);
  const out = makeOutput(backend, [numSegments, ...innerShape], x.dtype);
  const values = heapView(backend, x);
  const ids = heapView(backend, segmentIds);
  const sums = heapView(backend, out);
  sums.fill(0); // the allocation may reuse freed memory
  for (let i = 0; i < count; i++) {
    const segment = Number(ids[i]);
    if (!(segment >= 0 && segment < numSegments)) continue;
    const from = i * inner;
    const to = segment * inner;
    for (let j = 0; j < inner; j++) sums[to + j] = (sums[to + j] as number) + (values[from + j] as number);
  }
  return out;
}

/** Registration record for `tf.registerKernel`. */
export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: 'UnsortedSegmentSum',
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSum as unknown as KernelFunc,
};
