/**
 * The attention of a generated token's query row, split into the prompt's keys and the keys generated before it:
 * what the panel colours as chips.
 */
import { headMeanRow } from '../animations/head-mean';

/** One query row of attention: [layer][head][key], flat (as `generate:run` sends each step's `decoder`). */
export interface AttentionRows {
  layers: number;
  heads: number;
  keys: number;
  values: ArrayLike<number>;
}

/** The weights the row gives each key in `layer`, for one head or (`head` = 'mean') averaged over the heads. */
export function rowWeights(rows: AttentionRows, layer: number, head: number | 'mean'): number[] {
  if (head === 'mean') return headMeanRow(rows, 0, layer);
  if (!(head >= 0 && head < rows.heads)) throw new RangeError(`Head ${head} is outside ${rows.heads} heads`);
  if (!(layer >= 0 && layer < rows.layers))
    throw new RangeError(`Layer ${layer} is outside ${rows.layers} layers`);
  const start = (layer * rows.heads + head) * rows.keys;
  return Array.from({ length: rows.keys }, (_, key) => rows.values[start + key] ?? 0);
}

/** A row split at the end of the prompt. */
export interface SplitRow {
  /** One weight per prompt token (`<bos>` included). */
  prompt: number[];
  /** One weight per token generated before this one (the causal mask hides later ones). */
  generated: number[];
}

/** Splits `weights` (keys 0…query) into the first `promptLength` keys and the generated keys up to `query`. */
export function splitAtPrompt(weights: readonly number[], promptLength: number, query: number): SplitRow {
  return { prompt: weights.slice(0, promptLength), generated: weights.slice(promptLength, query + 1) };
}
