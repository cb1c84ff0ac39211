/**
 * The wasm backend's own kernels, remembered before ./wasm-kernels replaces some of them, so a replacement can
 * hand the cases it does not improve back to the original (called directly, as the backend's kernels call
 * each other, without a trip through the engine), and a benchmark can put the originals back.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs';
import type { WasmKernelArgs } from './wasm-heap';

const stock = new Map<string, KernelConfig>();

/** Remembers the current wasm kernels of these names (the first capture wins). */
export function captureStockKernels(names: readonly string[]): void {
  for (const name of names) {
    const kernel = tf.getKernel(name, 'wasm');
    if (kernel && !stock.has(name)) stock.set(name, kernel);
  }
}

/** The captured stock kernel `name`, if the backend has one. */
export function stockKernel(name: string): KernelConfig | undefined {
  return stock.get(name);
}

/** Runs the stock wasm kernel `name`. */
export function callStock(name: string, args: WasmKernelArgs): TensorInfo {
  const kernel = stock.get(name);
  if (!kernel) throw new Error(`the stock wasm kernel ${name} was not captured`);
  return kernel.kernelFunc(args as unknown as Parameters<KernelFunc>[0]) as TensorInfo;
}
