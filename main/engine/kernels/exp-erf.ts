/** `Exp` and `Erf` for the wasm backend on the SIMD code of ./unary-simd (float32; other dtypes: stock). */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { callStock } from './stock-kernels';
import type { UnaryMap } from './unary-simd';
import { compileUnary } from './unary-simd';
import { isMemory } from './wasm-assembler';
import type { WasmKernelArgs } from './wasm-heap';
import { heapOffset, heapView, input, makeOutput, sizeOf } from './wasm-heap';

/** The parts of the Emscripten module used here. */
interface EmscriptenHeap {
  _malloc(bytes: number): number;
  HEAPF32: Float32Array;
  asm?: { memory?: unknown };
}

/** Compiled functions and a 4-float buffer for the last values of an array whose size is not a multiple of 4. */
interface UnaryState {
  maps: { exp: UnaryMap; erf: UnaryMap };
  heap: EmscriptenHeap;
  tail: number;
}

const states = new WeakMap<BackendWasm, UnaryState | null>();

function unaryState(backend: BackendWasm): UnaryState | null {
  if (!states.has(backend)) {
    const heap = backend.wasm as unknown as EmscriptenHeap;
    let state: UnaryState | null = null;
    try {
      const memory = heap.asm?.memory;
      if (isMemory(memory)) state = { maps: compileUnary(memory), heap, tail: heap._malloc(16) >>> 0 };
    } catch {
      state = null; // no WebAssembly SIMD in this runtime
    }
    states.set(backend, state);
  }
  return states.get(backend) ?? null;
}

/** A kernel applying `name` of ./unary-simd to every value. */
function unaryKernel(name: 'Exp' | 'Erf'): KernelFunc {
  const key = name === 'Exp' ? 'exp' : 'erf';
  const kernel = (args: WasmKernelArgs): TensorInfo => {
    const { backend } = args;
    const x = input(args, 'x');
    const state = unaryState(backend);
    if (!state || x.dtype !== 'float32') return callStock(name, args);
    const out = makeOutput(backend, [...x.shape], 'float32');
    const size = sizeOf(x.shape);
    const whole = size - (size % 4);
    const map = state.maps[key];
    map(heapOffset(backend, x), heapOffset(backend, out), whole);
    if (whole < size) {
      // The last 1–3 values go through the 4-float buffer, so they get the same arithmetic.
      const buffer = state.heap.HEAPF32.subarray(state.tail / 4, state.tail / 4 + 4);
      buffer.fill(0);
      buffer.set(heapView(backend, x).subarray(whole));
      map(state.tail, state.tail, 4);
      heapView(backend, out).set(buffer.subarray(0, size - whole), whole);
    }
    return out;
  };
  return kernel as unknown as KernelFunc;
}

/** Registration records for `tf.registerKernel`. */
export const expConfig: KernelConfig = {
  kernelName: 'Exp',
  backendName: 'wasm',
  kernelFunc: unaryKernel('Exp'),
};
export const erfConfig: KernelConfig = {
  kernelName: 'Erf',
  backendName: 'wasm',
  kernelFunc: unaryKernel('Erf'),
};
