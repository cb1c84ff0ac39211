/**
 * Kernels and gradients the stock wasm backend lacks or runs slowly, registered once after it loads.
 * (Filled in by the engine performance work: UnsortedSegmentSum for gather's gradient, transpose-free matMul
 * gradients, a correct float one-hot.)
 */
let isRegistered = false;

/** Registers the wasm fixes; safe to call more than once. */
export function registerWasmKernels(): void {
  if (isRegistered) return;
  isRegistered = true;
}
