import { describe, expect, it } from 'vitest';
import { rowWeights, splitAtPrompt } from '../../../shared/prompting/newest-attention';

// 2 layers × 2 heads × 3 keys: value = layer*100 + head*10 + key, so every entry names its position.
const rows = {
  layers: 2,
  heads: 2,
  keys: 3,
  values: Array.from({ length: 12 }, (_, i) => {
    const key = i % 3;
    const head = Math.floor(i / 3) % 2;
    const layer = Math.floor(i / 6);
    return layer * 100 + head * 10 + key;
  }),
};

describe('rowWeights', () => {
  it('picks one head of one layer', () => {
    expect(rowWeights(rows, 1, 0)).toEqual([100, 101, 102]);
    expect(rowWeights(rows, 0, 1)).toEqual([10, 11, 12]);
  });

  it('averages the heads of a layer', () => {
    expect(rowWeights(rows, 1, 'mean')).toEqual([105, 106, 107]);
  });

  it('refuses a head or layer outside the model', () => {
    expect(() => rowWeights(rows, 0, 2)).toThrow(RangeError);
    expect(() => rowWeights(rows, 2, 0)).toThrow(RangeError);
  });
});

describe('splitAtPrompt', () => {
  it('splits keys at the prompt end and stops at the query', () => {
    expect(splitAtPrompt([0.1, 0.2, 0.3, 0.4, 0], 3, 3)).toEqual({
      prompt: [0.1, 0.2, 0.3],
      generated: [0.4],
    });
    expect(splitAtPrompt([0.5, 0.5, 0], 2, 1)).toEqual({ prompt: [0.5, 0.5], generated: [] });
  });
});
