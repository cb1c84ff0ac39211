/**
 * Rasterises cell panels straight into an ImageData through the colour table: one 32-bit write per device
 * pixel, no per-cell canvas calls. Each panel is drawn into its own pixel buffer — cached per matrix, so a
 * redraw for hover or focus only copies rows — then copied into the image. Masked cells get the hatch computed
 * per pixel; gaps between cells keep the background. Panels with whole blocks of cells per pixel (the
 * overview) take the pooled fast path in raster-pooling.ts.
 */
import type { CellPanel } from '../../../shared/charts/cells';
import type { ColorDomain, ColormapName, ThemeName } from '../../../shared/charts/color';
import { colormapLut, lutSize, maskedStyle } from '../../../shared/charts/color';
import { parseColor } from '../../../shared/charts/color-math';
import type { AttentionMatrix } from '../../../shared/charts/matrix';
import type { Palette, PanelRaster } from './raster-pooling';
import { hatchAt, paintPooledPanel } from './raster-pooling';

const isLittleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * An opaque RGB colour as the 32-bit word ImageData stores in this machine's byte order — signed, because the
 * painter writes through Int32Arrays: unsigned words above 2³¹ would be boxed as doubles in the hot loops.
 */
export function packRgb(r: number, g: number, b: number): number {
  return isLittleEndian ? (255 << 24) | (b << 16) | (g << 8) | r : (r << 24) | (g << 16) | (b << 8) | 255;
}

const packedLuts = new Map<ColormapName, Int32Array>();

/** The colour table of a scale as packed 32-bit words. */
export function packedLut(name: ColormapName): Int32Array {
  let packed = packedLuts.get(name);
  if (!packed) {
    const lut = colormapLut(name);
    packed = Int32Array.from({ length: lutSize }, (_, i) =>
      packRgb(lut[i * 3] ?? 0, lut[i * 3 + 1] ?? 0, lut[i * 3 + 2] ?? 0),
    );
    packedLuts.set(name, packed);
  }
  return packed;
}

/** How panels are coloured. */
export interface RasterStyle {
  colormap: ColormapName;
  domain: ColorDomain;
  theme: ThemeName;
  background: string;
}

function palette(style: RasterStyle, dpr: number): Palette {
  const masked = maskedStyle(style.theme);
  const [low, high] = style.domain;
  return {
    lut: packedLut(style.colormap),
    low,
    scale: high > low ? (lutSize - 1) / (high - low) : 0,
    background: packRgb(...parseColor(style.background)),
    maskFill: packRgb(...parseColor(masked.fill)),
    maskHatch: packRgb(...parseColor(masked.hatch)),
    // Hatch lines at 45°: stripes of (x + y), so the spacing and width are measured along the diagonal.
    period: Math.max(2, Math.round(masked.spacing * Math.SQRT2 * dpr)),
    lineWidth: Math.max(1, Math.round(masked.lineWidth * Math.SQRT2 * dpr)),
  };
}

/**
 * Per device pixel along an axis: the first and one-past-last cell it shows (-1 in a gap between cells).
 * Cells larger than a pixel: the cell under the pixel's centre. Cells smaller than a pixel: every cell the pixel
 * covers, so the painter shows their maximum — a one-cell-wide pattern (the diagonal, "previous token") never
 * falls between two samples.
 */
function pixelCells(pixels: number, length: number, gap: number): { start: Int32Array; end: Int32Array } {
  const start = new Int32Array(pixels);
  const end = new Int32Array(pixels);
  const cell = pixels / length;
  for (let p = 0; p < pixels; p++) {
    if (length > pixels) {
      start[p] = Math.floor((p * length) / pixels);
      end[p] = Math.floor(((p + 1) * length) / pixels);
      continue;
    }
    const index = Math.min(length - 1, Math.floor((p + 0.5) / cell));
    const offset = p + 0.5 - index * cell;
    start[p] = gap > 0 && (offset < gap / 2 || offset > cell - gap / 2) ? -1 : index;
    end[p] = index + 1;
  }
  return { start, end };
}

/** Draws a panel's cells into its own pixels: each pixel shows the largest allowed weight it covers. */
function paintPanel(colors: Palette, raster: PanelRaster, panel: CellPanel, gap: number): void {
  const { rows, cols } = panel.matrix;
  if (cols % raster.width === 0 && rows % raster.height === 0 && cols > raster.width) {
    paintPooledPanel(colors, raster, panel);
    return;
  }
  const values = panel.matrix.values as Float32Array;
  const mask = panel.mask?.data;
  const columns = pixelCells(raster.width, cols, gap);
  const rowCells = pixelCells(raster.height, rows, gap);
  const { width, height, words } = raster;
  const { lut, low, scale } = colors;
  const top = lutSize - 1;
  words.fill(colors.background);
  for (let y = 0; y < height; y++) {
    const row0 = rowCells.start[y] as number;
    const row1 = rowCells.end[y] as number;
    if (row0 < 0) continue;
    for (let x = 0; x < width; x++) {
      const col0 = columns.start[x] as number;
      if (col0 < 0) continue;
      const col1 = columns.end[x] as number;
      let max = -Infinity;
      for (let row = row0; row < row1; row++) {
        const end = row * cols + col1;
        for (let cell = row * cols + col0; cell < end; cell++) {
          const value = values[cell] as number;
          if (value > max && (mask === undefined || mask[cell] !== 0)) max = value;
        }
      }
      if (max === -Infinity) {
        words[y * width + x] = hatchAt(colors, raster, x, y);
      } else {
        const t = (max - low) * scale;
        words[y * width + x] = lut[t > 0 ? (t < top ? (t + 0.5) | 0 : top) : 0] as number;
      }
    }
  }
}

/** Pixels of a panel already drawn, and what they were drawn for. */
interface CachedPanel {
  key: string;
  mask: CellPanel['mask'];
  raster: PanelRaster;
}

const panelCache = new WeakMap<AttentionMatrix, CachedPanel>();

/** The pixels of `panel` at `width` × `height` device pixels: from the cache when nothing changed. */
function panelRaster(
  panel: CellPanel,
  size: { width: number; height: number; phase: number; gap: number },
  style: RasterStyle,
  colors: Palette,
): PanelRaster {
  const key = [
    size.width,
    size.height,
    size.phase % colors.period,
    size.gap,
    style.colormap,
    ...style.domain,
    style.theme,
    style.background,
  ].join('|');
  const cached = panelCache.get(panel.matrix);
  if (cached && cached.key === key && cached.mask === panel.mask) return cached.raster;
  const raster = {
    words: new Int32Array(size.width * size.height),
    width: size.width,
    height: size.height,
    phase: size.phase,
  };
  paintPanel(colors, raster, panel, size.gap);
  panelCache.set(panel.matrix, { key, mask: panel.mask, raster });
  return raster;
}

/** The device-pixel rectangle an ImageData must cover to hold `panels`. */
export function rasterBounds(
  panels: readonly CellPanel[],
  dpr: number,
): { x: number; y: number; width: number; height: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of panels) {
    x0 = Math.min(x0, Math.round(p.x * dpr));
    y0 = Math.min(y0, Math.round(p.y * dpr));
    x1 = Math.max(x1, Math.round((p.x + p.width) * dpr));
    y1 = Math.max(y1, Math.round((p.y + p.height) * dpr));
  }
  return panels.length === 0
    ? { x: 0, y: 0, width: 0, height: 0 }
    : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Writes `panels` into `image`, whose top-left device pixel is `origin`; the rest is the background. */
export function rasterisePanels(
  image: ImageData,
  origin: { x: number; y: number },
  panels: readonly CellPanel[],
  style: RasterStyle,
  dpr: number,
): void {
  const words = new Int32Array(image.data.buffer, image.data.byteOffset, image.width * image.height);
  const colors = palette(style, dpr);
  words.fill(colors.background);
  for (const panel of panels) {
    const left = Math.round(panel.x * dpr);
    const top = Math.round(panel.y * dpr);
    const width = Math.round((panel.x + panel.width) * dpr) - left;
    const height = Math.round((panel.y + panel.height) * dpr) - top;
    const raster = panelRaster(
      panel,
      { width, height, phase: left + top, gap: Math.round(panel.gap * dpr) },
      style,
      colors,
    );
    // Copy row by row, clipped to the image; a plain loop, as a subarray per row would allocate.
    const x = left - origin.x;
    const from = Math.max(0, -x);
    const to = Math.min(width, image.width - x);
    if (to <= from) continue;
    const source = raster.words;
    for (let row = 0; row < height; row++) {
      const y = top - origin.y + row;
      if (y < 0 || y >= image.height) continue;
      const shift = y * image.width + x - row * width; // image word = raster word + shift
      for (let i = row * width + from, end = row * width + to; i < end; i++)
        words[i + shift] = source[i] as number;
    }
  }
}
