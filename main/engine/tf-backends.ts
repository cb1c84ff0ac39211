/** The real backend loaders, fastest first: native TensorFlow (CUDA where present), WebAssembly, plain JS. */
import * as tf from '@tensorflow/tfjs';
import type { BackendLoader } from './backend';

async function activate(name: string): Promise<void> {
  const isSet = await tf.setBackend(name);
  await tf.ready();
  if (!isSet || tf.getBackend() !== name)
    throw new Error(`TensorFlow.js could not initialise the ${name} backend`);
}

/** `@tensorflow/tfjs-node-gpu`: libtensorflow with CUDA (an optional dependency; absent on most machines). */
export const nativeLoader: BackendLoader = {
  backend: 'tensorflow',
  source: '@tensorflow/tfjs-node-gpu',
  async load() {
    const moduleName = '@tensorflow/tfjs-node-gpu'; // a variable, so bundlers leave the optional import alone
    await import(/* @vite-ignore */ moduleName);
    await activate('tensorflow');
    const backend = tf.backend() as unknown as { isUsingGpuDevice?: boolean };
    return backend.isUsingGpuDevice
      ? 'GPU (CUDA, native TensorFlow)'
      : 'CPU (native TensorFlow; no CUDA GPU found)';
  },
};

/** `@tensorflow/tfjs-backend-wasm`: XNNPACK kernels compiled to WebAssembly, SIMD where the runtime has it. */
export const wasmLoader: BackendLoader = {
  backend: 'wasm',
  source: '@tensorflow/tfjs-backend-wasm',
  async load() {
    await import('@tensorflow/tfjs-backend-wasm');
    await activate('wasm');
    const { registerWasmKernels } = await import('./kernels/wasm-kernels');
    registerWasmKernels();
    const hasSimd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    return hasSimd ? 'CPU (WebAssembly, SIMD)' : 'CPU (WebAssembly, no SIMD)';
  },
};

/** `@tensorflow/tfjs-backend-cpu`: plain JavaScript, always loads, slowest. */
export const cpuLoader: BackendLoader = {
  backend: 'cpu',
  source: '@tensorflow/tfjs-backend-cpu',
  async load() {
    await activate('cpu');
    return 'CPU (plain JavaScript)';
  },
};

/** Every loader in the order they are tried. */
export const backendLoaders: readonly BackendLoader[] = [nativeLoader, wasmLoader, cpuLoader];
