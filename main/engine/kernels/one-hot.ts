/**
 * `OneHot` for the wasm backend. The stock kernel ignores the requested dtype and writes int32 bit patterns,
 * so `tf.oneHot(ids, n, 1, 0, 'float32')` read back as floats is 1.4e-45 instead of 1; this one writes values
 * of the output's dtype.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { WasmKernelArgs } from './wasm-heap';
import { heapView, input, makeOutput, sizeOf } from './wasm-heap';

/** out[..., j] = onValue where j = indices[...], offValue elsewhere; out-of-range indices give a row of offValue. */
function oneHot(args: WasmKernelArgs): TensorInfo {
  const { backend } = args;
  const indices = input(args, 'indices');
  const depth = Number(args.attrs?.depth);
  const onValue = Number(args.attrs?.onValue ?? 1);
  const offValue = Number(args.attrs?.offValue ?? 0);
  const dtype = (args.attrs?.dtype ?? 'int32') as TensorInfo['dtype'];
  const out = makeOutput(backend, [...indices.shape, depth], dtype);
  const ids = heapView(backend, indices);
  const values = heapView(backend, out);
  values.fill(offValue);
  const count = sizeOf(indices.shape);
  for (let i = 0; i < count; i++) {
    const id = Number(ids[i]);
    if (id >= 0 && id < depth) values[i * depth + id] = onValue;
  }
  return out;
}

/** Registration record for `tf.registerKernel`. */
export const oneHotConfig: KernelConfig = {
  kernelName: 'OneHot',
  backendName: 'wasm',
  kernelFunc: oneHot as unknown as KernelFunc,
};
