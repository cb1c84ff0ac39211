/**
 * `Identity` for the wasm backend that shares the input's memory (as the cpu backend and the wasm Reshape do)
 * instead of copying it. TF.js calls Identity for every `tf.clone`, including each tensor a gradient saves,
 * so the stock copy moved tens of megabytes per training step (the softmax of the logits alone is 32 MB).
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { WasmKernelArgs } from './wasm-heap';
import { input } from './wasm-heap';

/** A second reference to x's data; the backend frees it when the last reference is disposed. */
function identity(args: WasmKernelArgs): TensorInfo {
  const x = input(args, 'x');
  args.backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/** Registration record for `tf.registerKernel`. */
export const identityConfig: KernelConfig = {
  kernelName: 'Identity',
  backendName: 'wasm',
  kernelFunc: identity as unknown as KernelFunc,
};
