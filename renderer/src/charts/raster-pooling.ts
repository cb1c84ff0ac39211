/**
 * The pixel buffers the raster painter fills, and its fast path for the overview: panels showing a whole number
 * of cells per device pixel (e.g. 128 tokens in 64 pixels), each pixel the largest allowed weight of its block.
 */
import type { CellPanel } from '../../../shared/charts/cells';
import { lutSize } from '../../../shared/charts/color';

/** The colours of one redraw, packed. */
export interface Palette {
  lut: Int32Array;
  low: number;
  /** Lookup-table entries per unit of weight. */
  scale: number;
  background: number;
  maskFill: number;
  maskHatch: number;
  /** Hatch stripes along x + y, in device pixels. */
  period: number;
  lineWidth: number;
}

/** The pixels of one panel: `words[y * width + x]`; `phase` shifts the hatch to the panel's place. */
export interface PanelRaster {
  words: Int32Array;
  width: number;
  height: number;
  phase: number;
}

/** The hatch colour of masked pixel (x, y): stripes along x + y. */
export function hatchAt(colors: Palette, raster: PanelRaster, x: number, y: number): number {
  return (x + y + raster.phase) % colors.period < colors.lineWidth ? colors.maskHatch : colors.maskFill;
}

/** The colour of weight `max` (the largest of a pixel's cells), or the hatch when no cell was allowed. */
function pooledColor(colors: Palette, raster: PanelRaster, max: number, x: number, y: number): number {
  if (max === -Infinity) return hatchAt(colors, raster, x, y);
  const top = lutSize - 1;
  const t = (max - colors.low) * colors.scale;
  return colors.lut[t > 0 ? (t < top ? (t + 0.5) | 0 : top) : 0] as number;
}

/**
 * The overview's fast path: a whole number of cells per pixel on both axes (e.g. 128 tokens in 64 pixels):
 * each pixel takes the maximum of its block of allowed cells with fixed strides. Block sizes are integers
 * (`| 0`) so the indices stay small integers in the optimised loops, and the common case — no mask, blocks of
 * 2 × 2 — gets a loop of its own: this code reads every weight of every panel on a cold redraw.
 */
export function paintPooledPanel(colors: Palette, raster: PanelRaster, panel: CellPanel): void {
  const cols = panel.matrix.cols | 0;
  const values = panel.matrix.values as Float32Array;
  const mask = panel.mask?.data;
  const blockRows = (panel.matrix.rows / raster.height) | 0;
  const blockCols = (cols / raster.width) | 0;
  if (mask === undefined && blockRows === 2 && blockCols === 2 && values instanceof Float32Array)
    paintPooled2x2(colors, raster, values, cols);
  else paintPooledBlocks(colors, raster, values, cols, { rows: blockRows, cols: blockCols }, mask);
}

// One word seen both as float32 bits and as the float: turns the integer maximum back into the weight.
const scratchBits = new Int32Array(1);
const scratchFloat = new Float32Array(scratchBits.buffer);
const signBit = 1 << 31;
const infinityBits = 0x7f800000;

/** The larger of two int32s without a branch (`a - b` cannot overflow: both are float bits ≥ 0 here). */
function maxBits(a: number, b: number): number {
  const d = a - b;
  return a - (d & (d >> 31));
}

/**
 * Blocks of 2 × 2 cells, nothing masked. Comparing random weights branches unpredictably, so the maximum is
 * taken on the float32 bit patterns instead: for weights ≥ +0 (not NaN) the bits order like the numbers, and
 * an integer maximum needs no branch. Blocks holding a negative weight, -0 or NaN (rare) take the compare loop,
 * so every pixel gets exactly the colour of the general loop.
 */
function paintPooled2x2(colors: Palette, raster: PanelRaster, values: Float32Array, cols: number): void {
  const width = raster.width | 0;
  const height = raster.height | 0;
  const words = raster.words;
  const bits = new Int32Array(values.buffer, values.byteOffset, values.length);
  const { lut, low, scale } = colors;
  const last = lutSize - 1;
  for (let y = 0; y < height; y++) {
    let upper = 2 * y * cols; // first cell of the block's first row
    let lower = upper + cols;
    const line = y * width;
    for (let x = 0; x < width; x++) {
      const a = bits[upper] as number;
      const b = bits[upper + 1] as number;
      const c = bits[lower] as number;
      const d = bits[lower + 1] as number;
      const top = maxBits(maxBits(a, b), maxBits(c, d));
      if (((a | b | c | d) & signBit) !== 0 || top > infinityBits) {
        // The same comparisons, in the same order, as the general loop: NaN weights are skipped alike.
        let max = -Infinity;
        for (const value of [values[upper], values[upper + 1], values[lower], values[lower + 1]])
          if ((value as number) > max) max = value as number;
        words[line + x] = pooledColor(colors, raster, max, x, y);
      } else {
        // pooledColor inlined (the weight is a number ≥ 0 here, never the hatch's -Infinity).
        scratchBits[0] = top;
        const t = ((scratchFloat[0] as number) - low) * scale;
        words[line + x] = lut[t > 0 ? (t < last ? (t + 0.5) | 0 : last) : 0] as number;
      }
      upper += 2;
      lower += 2;
    }
  }
}

/** Blocks of any whole size; masked cells (if any) are left out of the maximum. */
function paintPooledBlocks(
  colors: Palette,
  raster: PanelRaster,
  values: Float32Array,
  cols: number,
  blocks: { rows: number; cols: number },
  mask: NonNullable<CellPanel['mask']>['data'] | undefined,
): void {
  const width = raster.width | 0;
  const height = raster.height | 0;
  const words = raster.words;
  const { rows: blockRows, cols: blockCols } = blocks;
  for (let y = 0; y < height; y++) {
    const line = y * width;
    for (let x = 0; x < width; x++) {
      const first = y * blockRows * cols + x * blockCols;
      let max = -Infinity;
      for (let r = 0; r < blockRows; r++) {
        const end = first + r * cols + blockCols;
        for (let cell = first + r * cols; cell < end; cell++) {
          const value = values[cell] as number;
          if (value > max && (mask === undefined || mask[cell] !== 0)) max = value;
        }
      }
      words[line + x] = pooledColor(colors, raster, max, x, y);
    }
  }
}
