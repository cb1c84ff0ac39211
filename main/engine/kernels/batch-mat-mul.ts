/**
 * `BatchMatMul` and `_FusedMatMul` (a product plus a bias) for the wasm backend on the SIMD kernel of
 * ./matmul-simd. The stock kernels send only an untransposed single product to XNNPACK, which also builds (and
 * packs) a new operator whenever the right-hand matrix is a new tensor — ~2 ms even for [128, 128], and in
 * training every weight is new each step; every transposed or batched product runs a naive loop at ~1–3
 * GFLOP/s. The SIMD kernel measured 40–50 GFLOP/s here on the training shapes, in any transpose, with no
 * per-weight setup. Without WebAssembly SIMD or a reachable heap, the stock kernels run (transposes of single
 * products are then materialised first, so they still reach XNNPACK).
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { BatchMatMulSimd } from './matmul-simd';
import { columnBlockFor, compileBatchMatMul, scratchLayout } from './matmul-simd';
import { callStock } from './stock-kernels';
import { transposeKernel } from './transpose';
import { isMemory } from './wasm-assembler';
import type { WasmKernelArgs } from './wasm-heap';
import { heapOffset, heapView, input, sizeOf } from './wasm-heap';

/** The parts of the Emscripten module this kernel uses. */
interface EmscriptenHeap {
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  HEAPF32: Float32Array;
  asm?: { memory?: unknown };
}

/** Compiled kernel and its scratch buffer, per backend instance. */
interface SimdState {
  run: BatchMatMulSimd;
  heap: EmscriptenHeap;
  scratch: number;
  scratchSize: number;
}

const states = new WeakMap<BackendWasm, SimdState | null>();

/** The SIMD kernel for this backend, or null when its memory is not reachable or SIMD is missing. */
function simdState(backend: BackendWasm): SimdState | null {
  if (!states.has(backend)) {
    const heap = backend.wasm as unknown as EmscriptenHeap;
    let state: SimdState | null = null;
    try {
      const memory = heap.asm?.memory;
      if (isMemory(memory)) state = { run: compileBatchMatMul(memory), heap, scratch: 0, scratchSize: 0 };
    } catch {
      state = null; // no WebAssembly SIMD in this runtime
    }
    states.set(backend, state);
  }
  return states.get(backend) ?? null;
}

/** A scratch buffer of at least `bytes` on the heap (kept between calls, grown when needed). */
function scratchFor(state: SimdState, bytes: number): number {
  if (state.scratchSize < bytes) {
    if (state.scratch) state.heap._free(state.scratch);
    state.scratchSize = Math.max(bytes, 2 * state.scratchSize);
    state.scratch = state.heap._malloc(state.scratchSize) >>> 0;
  }
  return state.scratch;
}

/** Swaps the last two axes; the caller disposes the result. */
function transposeLast(backend: BackendWasm, x: TensorInfo): TensorInfo {
  const perm = x.shape.map((_, i) => i);
  const last = perm.length - 1;
  [perm[last - 1], perm[last]] = [last, last - 1];
  return transposeKernel({ inputs: { x }, backend, attrs: { perm } });
}

/** Fallback without SIMD: materialise the transposes of a single product so it reaches XNNPACK. */
function stockProduct(
  name: string,
  args: WasmKernelArgs,
  transposeA: boolean,
  transposeB: boolean,
): TensorInfo {
  const { backend } = args;
  const [a, b] = [input(args, 'a'), input(args, 'b')];
  if (sizeOf(a.shape.slice(0, -2)) !== 1 || sizeOf(b.shape.slice(0, -2)) !== 1) return callStock(name, args);
  const plainA = transposeA ? transposeLast(backend, a) : a;
  const plainB = transposeB ? transposeLast(backend, b) : b;
  const attrs = { ...args.attrs, transposeA: false, transposeB: false };
  const out = callStock(name, { ...args, inputs: { ...args.inputs, a: plainA, b: plainB }, attrs });
  if (transposeA) backend.disposeData(plainA.dataId);
  if (transposeB) backend.disposeData(plainB.dataId);
  return out;
}

/** op(a) · op(b) (+ bias [n]) on the SIMD kernel, or null when it does not apply. */
function simdProduct(args: WasmKernelArgs, bias?: TensorInfo): TensorInfo | null {
  const { backend } = args;
  const [a, b] = [input(args, 'a'), input(args, 'b')];
  const transposeA = Boolean(args.attrs?.transposeA);
  const transposeB = Boolean(args.attrs?.transposeB);
  const [batchA, batchB] = [sizeOf(a.shape.slice(0, -2)), sizeOf(b.shape.slice(0, -2))];
  const state = simdState(backend);
  const isBroadcastSupported = batchA === batchB || batchA === 1 || batchB === 1;
  if (!state || !isBroadcastSupported || a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  const [ra, rb] = [a.shape.length, b.shape.length];
  const m = (transposeA ? a.shape[ra - 1] : a.shape[ra - 2]) ?? 0;
  const k = (transposeA ? a.shape[ra - 2] : a.shape[ra - 1]) ?? 0;
  const n = (transposeB ? b.shape[rb - 2] : b.shape[rb - 1]) ?? 0;
  const kb = (transposeB ? b.shape[rb - 1] : b.shape[rb - 2]) ?? 0;
  if (k !== kb)
    throw new Error(`matMul: inner sizes ${k} and ${kb} of shapes [${a.shape}] and [${b.shape}] differ`);
  if (bias && (bias.dtype !== 'float32' || sizeOf(bias.shape) !== n)) return null;
  const batchShape = (batchA >= batchB ? a : b).shape.slice(0, -2);
  const out = backend.makeOutput([...batchShape, m, n], 'float32');
  const layout = scratchLayout(m, n, k);
  const base = scratchFor(state, layout.total);
  // The bias row, zero-padded to whole 8-column panels (all zeros without a bias).
  const biasRow = state.heap.HEAPF32.subarray((base + layout.bias) / 4, (base + layout.total) / 4);
  biasRow.fill(0);
  if (bias) biasRow.set(heapView(backend, bias) as Float32Array);
  // Element (i, kk) of op(A) is at i·aRow + kk·aDepth bytes; element (kk, j) of op(B) at kk·bDepth + j·bCol.
  const [aRow, aDepth] = transposeA ? [4, m * 4] : [k * 4, 4];
  const [bDepth, bCol] = transposeB ? [4, k * 4] : [n * 4, 4];
  state.run(
    ...[heapOffset(backend, a), heapOffset(backend, b), heapOffset(backend, out)],
    ...[Math.max(batchA, batchB), m, n, k],
    ...[batchA === 1 ? 0 : m * k * 4, aRow, aDepth], // a batch of one is broadcast
    ...[batchB === 1 ? 0 : k * n * 4, bDepth, bCol],
    ...[base, base + layout.packB, base + layout.tile, base + layout.bias, columnBlockFor(k, n)],
  );
  return out;
}

function batchMatMul(args: WasmKernelArgs): TensorInfo {
  const isTransposed = [Boolean(args.attrs?.transposeA), Boolean(args.attrs?.transposeB)] as const;
  return simdProduct(args) ?? stockProduct('BatchMatMul', args, ...isTransposed);
}

/** tf.fused.matMul: a product plus a bias, no activation; other variants go to the stock kernel. */
function fusedMatMul(args: WasmKernelArgs): TensorInfo {
  const isTransposed = [Boolean(args.attrs?.transposeA), Boolean(args.attrs?.transposeB)] as const;
  const activation = args.attrs?.activation ?? 'linear';
  const hasPrelu = Boolean(args.inputs.preluActivationWeights);
  const product = activation === 'linear' && !hasPrelu ? simdProduct(args, args.inputs.bias) : null;
  return product ?? stockProduct('_FusedMatMul', args, ...isTransposed);
}

/** Registration records for `tf.registerKernel`. */
export const batchMatMulConfig: KernelConfig = {
  kernelName: 'BatchMatMul',
  backendName: 'wasm',
  kernelFunc: batchMatMul as unknown as KernelFunc,
};

export const fusedMatMulConfig: KernelConfig = {
  kernelName: '_FusedMatMul',
  backendName: 'wasm',
  kernelFunc: fusedMatMul as unknown as KernelFunc,
};
