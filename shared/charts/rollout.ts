/**
 * Attention rollout (Abnar & Zuidema, "Quantifying Attention Flow in Transformers", 2020): how much each output
 * position draws on each input token through all layers so far. Per layer, average the heads, add the identity
 * for the residual connection and renormalise each row; then multiply the layers: R₀ = Ã₀, Rₗ = Ãₗ · Rₗ₋₁.
 */
import { LabError } from '../contract/errors';
import type { AttentionMatrix, AttentionStackLike } from './matrix';
import { headAverage } from './matrix';

/** Ã = rownorm(A + I): the attention plus the residual path that carries each token to itself. */
export function withResidual(matrix: AttentionMatrix): AttentionMatrix {
  const { rows, cols } = matrix;
  if (rows !== cols) {
    throw new LabError(
      'invalid-argument',
      `Rollout needs self-attention (a square map); this map is ${rows}×${cols}, as in cross-attention.`,
    );
  }
  const values = new Float32Array(rows * cols);
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let col = 0; col < cols; col++) {
      const value = (matrix.values[row * cols + col] ?? 0) + (row === col ? 1 : 0);
      values[row * cols + col] = value;
      sum += value;
    }
    for (let col = 0; col < cols; col++) values[row * cols + col] = (values[row * cols + col] ?? 0) / sum;
  }
  return { rows, cols, values };
}

/** The product `first · second` of two square matrices of the same size. */
function multiply(first: AttentionMatrix, second: AttentionMatrix): AttentionMatrix {
  const n = first.rows;
  const values = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const a = first.values[i * n + k] ?? 0;
      if (a === 0) continue;
      for (let j = 0; j < n; j++)
        values[i * n + j] = (values[i * n + j] ?? 0) + a * (second.values[k * n + j] ?? 0);
    }
  }
  return { rows: n, cols: n, values };
}

/** Rollout after each layer, from per-layer head averages (first layer first). */
export function attentionRollout(layerAverages: readonly AttentionMatrix[]): AttentionMatrix[] {
  const rollouts: AttentionMatrix[] = [];
  for (const average of layerAverages) {
    const residual = withResidual(average);
    const previous = rollouts.at(-1);
    rollouts.push(previous ? multiply(residual, previous) : residual);
  }
  return rollouts;
}

/** Rollout after each layer of a stack of self-attention maps. */
export function stackRollout(stack: AttentionStackLike): AttentionMatrix[] {
  return attentionRollout(Array.from({ length: stack.layers }, (_, layer) => headAverage(stack, layer)));
}
