/**
 * The tensor operations every model is built from. Models call only these (never `tf.matMul` with transposes,
 * `tf.gather` or `tf.oneHot` directly), so each op can carry a gradient that is correct and fast on every
 * backend — the stock wasm gradients lack kernels (UnsortedSegmentSum) or use slow transposed matMuls.
 */
export { linear, tiedLogits, batchMatMul } from './matmul';
export { embed } from './embed';
export { crossEntropy, oneHot } from './cross-entropy';
