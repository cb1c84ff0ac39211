import { describe, expect, it } from 'vitest';
import {
  causalMask,
  combineMasks,
  crossMask,
  fullMask,
  isAllowed,
  maskRows,
  paddingMask,
  validFlags,
} from '../../../shared/attention/masks';

describe('masks', () => {
  it('causal: each query sees itself and the past, nothing above the diagonal', () => {
    expect(maskRows(causalMask(4))).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 1],
    ]);
    const mask = causalMask(7);
    for (let q = 0; q < 7; q++) {
      for (let k = 0; k < 7; k++) expect(isAllowed(mask, q, k)).toBe(k <= q);
    }
  });

  it('full: everything allowed', () => {
    expect(maskRows(fullMask(2))).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(fullMask(0)).toEqual({ rows: 0, cols: 0, data: new Uint8Array(0) });
  });

  it('padding: every query attends only to the real tokens', () => {
    expect(Array.from(validFlags(3, 5))).toEqual([1, 1, 1, 0, 0]);
    expect(maskRows(paddingMask(validFlags(3, 5)))).toEqual([
      [1, 1, 1, 0, 0],
      [1, 1, 1, 0, 0],
      [1, 1, 1, 0, 0],
      [1, 1, 1, 0, 0],
      [1, 1, 1, 0, 0],
    ]);
    expect(maskRows(paddingMask([true, false, true], 2))).toEqual([
      [1, 0, 1],
      [1, 0, 1],
    ]);
  });

  it('cross: target rows by input columns, padded inputs masked', () => {
    const mask = crossMask(2, 4);
    expect([mask.rows, mask.cols]).toEqual([2, 4]);
    expect(mask.data.every((cell) => cell === 1)).toBe(true);
    expect(maskRows(crossMask(3, 4, [1, 1, 0, 0]))).toEqual([
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 0, 0],
    ]);
    expect(() => crossMask(3, 4, [1, 1])).toThrow(RangeError);
  });

  it('combines masks with logical AND (causal and padding)', () => {
    expect(maskRows(combineMasks(causalMask(4), paddingMask(validFlags(2, 4))))).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 0, 0],
    ]);
    expect(() => combineMasks(causalMask(3), causalMask(4))).toThrow(/3×3/);
  });

  it('does not change the masks it combines', () => {
    const causal = causalMask(3);
    combineMasks(causal, paddingMask([0, 0, 0]));
    expect(maskRows(causal)[2]).toEqual([1, 1, 1]);
  });
});
