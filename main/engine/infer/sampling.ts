/**
 * Choosing the next token from logits: greedy (temperature 0), or sampling at a temperature from the top-k
 * tokens and/or the smallest set whose probability reaches top-p (nucleus). Seeded, so the same seed gives
 * the same text.
 */
import { LabError } from '../../../shared/contract/errors';
import type { Rng } from '../../../shared/random';

/** How to choose. */
export interface SamplingOptions {
  /** 0 = greedy (always the most likely token); higher = more adventurous. */
  temperature: number;
  /** Keep only the k most likely tokens (all when absent or 0). */
  topK?: number;
  /** Keep the most likely tokens until their probabilities sum to p (all when absent or 1). */
  topP?: number;
}

/** Throws `invalid-argument` for options outside their ranges. */
export function checkSampling(options: SamplingOptions): void {
  const { temperature, topK, topP } = options;
  if (!(temperature >= 0 && temperature <= 100)) {
    throw new LabError('invalid-argument', `The temperature must be from 0 to 100; got ${temperature}.`);
  }
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= 0)) {
    throw new LabError('invalid-argument', `top-k must be a whole number ≥ 0; got ${topK}.`);
  }
  if (topP !== undefined && !(topP > 0 && topP <= 1)) {
    throw new LabError('invalid-argument', `top-p must be above 0 and at most 1; got ${topP}.`);
  }
}

/** softmax(logits / temperature) as plain numbers. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] ?? -Infinity);
  const probabilities = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const value = Math.exp(((logits[i] ?? -Infinity) - max) / temperature);
    probabilities[i] = value;
    sum += value;
  }
  for (let i = 0; i < probabilities.length; i++) probabilities[i] = (probabilities[i] ?? 0) / sum;
  return probabilities;
}

/** Token ids sorted by decreasing value (ties by id). */
export function rankTokens(values: ArrayLike<number>): number[] {
  return Array.from({ length: values.length }, (_, i) => i).sort(
    (a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b,
  );
}

/** The chosen id and the model's own probability for it (softmax at temperature 1). */
export function chooseToken(
  logits: ArrayLike<number>,
  options: SamplingOptions,
  rng: Rng,
): { id: number; probability: number } {
  const modelProbabilities = softmax(logits);
  const ranked = rankTokens(logits);
  const best = ranked[0] ?? 0;
  if (options.temperature === 0) return { id: best, probability: modelProbabilities[best] ?? 0 };
  const probabilities = softmax(logits, options.temperature);
  let kept = options.topK ? ranked.slice(0, options.topK) : ranked;
  if (options.topP !== undefined && options.topP < 1) {
    let total = 0;
    let count = 0;
    while (count < kept.length && total < options.topP) total += probabilities[kept[count++] ?? 0] ?? 0;
    kept = kept.slice(0, Math.max(count, 1));
  }
  let mass = 0;
  for (const id of kept) mass += probabilities[id] ?? 0;
  let threshold = rng.next() * mass;
  for (const id of kept) {
    threshold -= probabilities[id] ?? 0;
    if (threshold < 0) return { id, probability: modelProbabilities[id] ?? 0 };
  }
  const last = kept[kept.length - 1] ?? best;
  return { id: last, probability: modelProbabilities[last] ?? 0 };
}
