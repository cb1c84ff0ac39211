/**
 * Kernels the stock wasm backend lacks, gets wrong or runs slowly, registered once after it loads (by
 * ../tf-backends.ts). Each replaces only the 'wasm' kernel of its name, so other backends are untouched:
 * - UnsortedSegmentSum: missing, and gather's gradient needs it;
 * - OneHot: the stock one writes int32 bits into float32 outputs;
 * - BatchMatMul, _FusedMatMul: every product in WebAssembly SIMD (./matmul-simd), instead of XNNPACK with a
 *   costly setup per new weight tensor, or a naive loop for transposed and batched products;
 * - Transpose, Sum over leading axes, GatherV2 on axis 0: copies and row sums instead of per-element indexing;
 * - Identity: shares memory instead of copying (every tensor a gradient saves is cloned);
 * - Exp, Erf: four values at a time in WebAssembly SIMD (./unary-simd) instead of the scalar C library.
 */
import * as tf from '@tensorflow/tfjs';
import { batchMatMulConfig, fusedMatMulConfig } from './batch-mat-mul';
import { erfConfig, expConfig } from './exp-erf';
import { gatherConfig } from './gather';
import { identityConfig } from './identity';
import { oneHotConfig } from './one-hot';
import { captureStockKernels, stockKernel } from './stock-kernels';
import { sumConfig } from './sum';
import { transposeConfig } from './transpose';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum';

const replacements: readonly tf.KernelConfig[] = [
  unsortedSegmentSumConfig,
  oneHotConfig,
  batchMatMulConfig,
  fusedMatMulConfig,
  transposeConfig,
  sumConfig,
  gatherConfig,
  identityConfig,
  expConfig,
  erfConfig,
];

let isRegistered = false;

/** Registers `config` in place of whatever wasm kernel has its name. */
function replace(config: tf.KernelConfig): void {
  if (tf.getKernel(config.kernelName, 'wasm')) tf.unregisterKernel(config.kernelName, 'wasm');
  tf.registerKernel(config);
}

/** Registers the wasm fixes; safe to call more than once. */
export function registerWasmKernels(): void {
  if (isRegistered) return;
  isRegistered = true;
  // The replacements hand the cases they do not improve back to these.
  captureStockKernels(replacements.map((config) => config.kernelName));
  for (const config of replacements) replace(config);
}

/**
 * For benchmarks: `false` puts the stock wasm kernels back (UnsortedSegmentSum, which has none, stays, so
 * training still runs), `true` the project's again. Call after {@link registerWasmKernels}.
 */
export function useProjectKernels(isOn: boolean): void {
  for (const config of replacements) replace(isOn ? config : (stockKernel(config.kernelName) ?? config));
}
