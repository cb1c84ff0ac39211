/** Test helpers (not a test file): attention data with rows that are real softmax distributions. */
import type { AttentionMask } from '../../../shared/attention/masks';
import type { AttentionStackLike } from '../../../shared/charts/matrix';
import { createRng } from '../../../shared/random';

/** The chapter's sentence. */
export const chapterTokens = ['I', 'love', 'this', 'red', 'car'];

/** T5's span-corruption example from the chapter. */
export const t5Input = ['I', '<X>', 'this', '<Y>'];
export const t5Target = ['<X>', 'love', '<Y>', 'red', 'car', '<Z>'];

/** A stack whose every row is a softmax over random logits, with masked keys at exactly 0. */
export function softmaxStack(
  shape: { layers: number; heads: number; queries: number; keys: number },
  seed: number,
  mask?: AttentionMask,
): AttentionStackLike {
  const { layers, heads, queries, keys } = shape;
  const rng = createRng(seed);
  const data = new Float32Array(layers * heads * queries * keys);
  for (let map = 0; map < layers * heads; map++) {
    for (let q = 0; q < queries; q++) {
      const row = Array.from({ length: keys }, (_, k) =>
        mask && mask.data[q * keys + k] === 0 ? 0 : Math.exp(3 * rng.next()),
      );
      const sum = row.reduce((a, b) => a + b, 0);
      row.forEach((value, k) => (data[(map * queries + q) * keys + k] = value / sum));
    }
  }
  return { ...shape, data };
}
