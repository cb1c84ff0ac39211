/**
 * Attention maps as they leave the engine: one Float32Array per kind of attention holding every layer, head,
 * query and key (row-major [layer][head][query][key]) — cheap to post across processes, and convertible to
 * nested arrays for JSON.
 */
import * as tf from '@tensorflow/tfjs';

/** Every layer's attention of one kind for one sequence: `data[((layer * heads + head) * queries + query) * keys + key]`. */
export interface AttentionStack {
  layers: number;
  heads: number;
  queries: number;
  keys: number;
  data: Float32Array;
}

/** The three kinds of attention a model may have. */
export interface AttentionMaps {
  /** Encoder self-attention (BERT, T5): every token attends to every (non-padding) token. */
  encoder?: AttentionStack;
  /** Decoder causal self-attention (GPT, T5): the current and earlier tokens only. */
  decoder?: AttentionStack;
  /** Cross-attention (T5): each target token attends to the input tokens. */
  cross?: AttentionStack;
}

/**
 * Reads per-layer probabilities [batch, heads, queries, keys] of batch row `row` into one stack (downloads the
 * data synchronously; call inside `tf.tidy`).
 */
export function readAttention(layers: readonly tf.Tensor4D[], row = 0): AttentionStack {
  const first = layers[0];
  if (!first) throw new Error('No attention layers to read');
  const [, heads, queries, keys] = first.shape;
  const stacked = tf.stack(layers.map((layer) => tf.slice(layer, [row, 0, 0, 0], [1, heads, queries, keys])));
  return { layers: layers.length, heads, queries, keys, data: stacked.dataSync() as Float32Array };
}

/** Reads every kind present in `attention` for batch row `row` (call inside `tf.tidy`). */
export function readAttentionMaps(
  attention: { encoder?: tf.Tensor4D[]; decoder?: tf.Tensor4D[]; cross?: tf.Tensor4D[] },
  row = 0,
): AttentionMaps {
  const maps: AttentionMaps = {};
  if (attention.encoder?.length) maps.encoder = readAttention(attention.encoder, row);
  if (attention.decoder?.length) maps.decoder = readAttention(attention.decoder, row);
  if (attention.cross?.length) maps.cross = readAttention(attention.cross, row);
  return maps;
}

/** The probabilities one query gives to every key: a view [keys] into the stack's data. */
export function attentionRow(
  stack: AttentionStack,
  layer: number,
  head: number,
  query: number,
): Float32Array {
  const start = ((layer * stack.heads + head) * stack.queries + query) * stack.keys;
  return stack.data.subarray(start, start + stack.keys);
}

/** The stack as nested arrays [layer][head][query][key] (for JSON). */
export function attentionToNested(stack: AttentionStack): number[][][][] {
  return Array.from({ length: stack.layers }, (_, layer) =>
    Array.from({ length: stack.heads }, (_, head) =>
      Array.from({ length: stack.queries }, (_, query) =>
        Array.from(attentionRow(stack, layer, head, query)),
      ),
    ),
  );
}

/** Every present kind as nested arrays. */
export function attentionMapsToNested(maps: AttentionMaps): {
  encoder?: number[][][][];
  decoder?: number[][][][];
  cross?: number[][][][];
} {
  const nested: { encoder?: number[][][][]; decoder?: number[][][][]; cross?: number[][][][] } = {};
  if (maps.encoder) nested.encoder = attentionToNested(maps.encoder);
  if (maps.decoder) nested.decoder = attentionToNested(maps.decoder);
  if (maps.cross) nested.cross = attentionToNested(maps.cross);
  return nested;
}
