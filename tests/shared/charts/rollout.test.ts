import { describe, expect, it } from 'vitest';
import { causalMask } from '../../../shared/attention/masks';
import { attentionRollout, stackRollout, withResidual } from '../../../shared/charts/rollout';
import { softmaxStack } from './fixtures';

/** Layer 0: heads [[1, 0], [.5, .5]] and [[.6, .4], [0, 1]]; layer 1: [[.5, .5], [.5, .5]] and [[.5, .5], [.1, .9]]. */
const stack = {
  layers: 2,
  heads: 2,
  queries: 2,
  keys: 2,
  data: Float32Array.from([1, 0, 0.5, 0.5, 0.6, 0.4, 0, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.1, 0.9]),
};

describe('rollout', () => {
  it('adds the residual identity and renormalises each row', () => {
    const residual = withResidual({ rows: 2, cols: 2, values: [0.8, 0.2, 0.25, 0.75] });
    expect(Array.from(residual.values)).toEqual([0.9, 0.1, 0.125, 0.875].map((v) => Math.fround(v)));
  });

  it('matches a hand computation over two layers of two heads', () => {
    // By hand: head averages A0 = [[.8, .2], [.25, .75]], A1 = [[.5, .5], [.3, .7]];
    // Ã0 = [[.9, .1], [.125, .875]], Ã1 = [[.75, .25], [.15, .85]];
    // R1 = Ã1 · Ã0 = [[.70625, .29375], [.24125, .75875]].
    const [first, second] = stackRollout(stack);
    [0.9, 0.1, 0.125, 0.875].forEach((v, i) => expect(first?.values[i]).toBeCloseTo(v, 6));
    [0.70625, 0.29375, 0.24125, 0.75875].forEach((v, i) => expect(second?.values[i]).toBeCloseTo(v, 6));
  });

  it('keeps rows as distributions and causal maps lower-triangular through many layers', () => {
    const n = 6;
    const rollouts = stackRollout(
      softmaxStack({ layers: 4, heads: 3, queries: n, keys: n }, 11, causalMask(n)),
    );
    for (const rollout of rollouts) {
      for (let q = 0; q < n; q++) {
        let sum = 0;
        for (let k = 0; k < n; k++) {
          const value = rollout.values[q * n + k] ?? Number.NaN;
          if (k > q) expect(value).toBe(0);
          sum += value;
        }
        expect(sum).toBeCloseTo(1, 5);
      }
    }
  });

  it('refuses cross-attention, which has no residual path from keys to queries', () => {
    expect(() => attentionRollout([{ rows: 3, cols: 2, values: [1, 0, 0, 1, 0.5, 0.5] }])).toThrow(/square/);
  });
});
