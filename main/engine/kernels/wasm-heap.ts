/**
 * Helpers for kernels written in TypeScript that run on the wasm backend: tensors live on the WebAssembly heap,
 * and a kernel reads its inputs and writes its output through typed-array views of that heap.
 */
import type { DataType, TensorInfo, TypedArray } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The arguments TF.js passes to a kernel function on the wasm backend. */
export interface WasmKernelArgs {
  inputs: Record<string, TensorInfo | undefined>;
  backend: BackendWasm;
  attrs?: Record<string, unknown>;
}

/** The input `name` of a kernel call; a missing input is a bug in the caller. */
export function input(args: WasmKernelArgs, name: string): TensorInfo {
  const info = args.inputs[name];
  if (!info) throw new Error(`kernel input '${name}' is missing`);
  return info;
}

/** Allocates the output on the heap; read views only after every allocation (the heap may grow and move). */
export function makeOutput(backend: BackendWasm, shape: number[], dtype: DataType): TensorInfo {
  return backend.makeOutput(shape, dtype);
}

/** A view of a tensor's values on the heap (valid until the next allocation). */
export function heapView(backend: BackendWasm, info: TensorInfo): TypedArray {
  return backend.typedArrayFromHeap(info);
}

/** Byte offset of a tensor's values on the heap, for WebAssembly code that shares the memory. */
export function heapOffset(backend: BackendWasm, info: TensorInfo): number {
  return backend.getMemoryOffset(info.dataId);
}

/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, n) => product * n, 1);
}
