import { describe, expect, it } from 'vitest';
import { lutSize } from '../../../shared/charts/color';
import { createRng } from '../../../shared/random';
import type { Palette } from '../../../renderer/src/charts/raster-pooling';
import { paintPooledPanel } from '../../../renderer/src/charts/raster-pooling';

// A palette whose lookup table maps entry i to the word i, so a pixel's word is its colour index.
const colors: Palette = {
  lut: Int32Array.from({ length: lutSize }, (_, i) => i),
  low: 0,
  scale: lutSize - 1,
  background: -1,
  maskFill: -2,
  maskHatch: -3,
  period: 4,
  lineWidth: 1,
};

/** The reference: each pixel's colour index from the largest allowed weight of its block, by plain comparisons. */
function reference(values: Float32Array, size: number, pixels: number, mask?: Uint8Array): number[] {
  const block = size / pixels;
  const out: number[] = [];
  for (let y = 0; y < pixels; y++) {
    for (let x = 0; x < pixels; x++) {
      let max = -Infinity;
      for (let r = 0; r < block; r++) {
        for (let c = 0; c < block; c++) {
          const cell = (y * block + r) * size + x * block + c;
          const value = values[cell] as number;
          if (value > max && (!mask || mask[cell] !== 0)) max = value;
        }
      }
      if (max === -Infinity) out.push((x + y) % colors.period < colors.lineWidth ? -3 : -2);
      else {
        const t = max * (lutSize - 1);
        out.push(t > 0 ? (t < lutSize - 1 ? Math.floor(t + 0.5) : lutSize - 1) : 0);
      }
    }
  }
  return out;
}

function paint(values: Float32Array, size: number, pixels: number, mask?: Uint8Array): number[] {
  const raster = { words: new Int32Array(pixels * pixels), width: pixels, height: pixels, phase: 0 };
  const matrix = { rows: size, cols: size, values };
  paintPooledPanel(colors, raster, {
    x: 0,
    y: 0,
    width: pixels,
    height: pixels,
    matrix,
    gap: 0,
    ...(mask ? { mask: { rows: size, cols: size, data: mask } } : {}),
  });
  return [...raster.words];
}

function weights(size: number, seed: number, specials: readonly number[] = []): Float32Array {
  const rng = createRng(seed);
  const values = Float32Array.from({ length: size * size }, () => rng.next());
  specials.forEach((value, i) => (values[(i * 37) % values.length] = value));
  return values;
}

describe('paintPooledPanel', () => {
  it('colours each pixel by the largest weight of its 2 × 2 block, as plain comparisons do', () => {
    const values = weights(128, 1);
    expect(paint(values, 128, 64)).toEqual(reference(values, 128, 64));
  });

  it('gives the same colours when blocks hold negative weights, -0, NaN or infinities', () => {
    const values = weights(16, 2, [-0.5, -0, NaN, Infinity, -Infinity, 0, 1, -1e-30, NaN, -0]);
    expect(paint(values, 16, 8)).toEqual(reference(values, 16, 8));
  });

  it('handles larger blocks and masks (masked cells never count; an all-masked block is hatched)', () => {
    const values = weights(12, 3);
    expect(paint(values, 12, 4)).toEqual(reference(values, 12, 4));
    const causal = Uint8Array.from({ length: 12 * 12 }, (_, i) => (i % 12 <= Math.floor(i / 12) ? 1 : 0));
    const masked = paint(values, 12, 6, causal);
    expect(masked).toEqual(reference(values, 12, 6, causal));
    expect(masked.filter((word) => word < -1).length).toBeGreaterThan(0); // hatched pixels above the diagonal
  });
});
