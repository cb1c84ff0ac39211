/**
 * A panel of cells: the rectangle where one attention matrix is drawn, one cell per (query, key). Layouts hold
 * panels (cheap: a rectangle and a reference to the data) and expand them to cells only where needed — the SVG
 * export and hit-testing — while the canvas painter rasterises a panel straight through the colour table.
 */
import type { AttentionMask } from '../attention/masks';
import type { ColorDomain, ColormapName, ThemeName } from './color';
import { colormapLut, lutColor, lutIndex, maskedStyle } from './color';
import { parseColor, readableTextOn, toHex } from './color-math';
import type { AttentionMatrix } from './matrix';
import { isMaskedCell, weightAt } from './matrix';
import { encodePng, toBase64 } from './png-encode';
import { element, textElement } from './svg';

/** Where one matrix is drawn. */
export interface CellPanel {
  x: number;
  y: number;
  width: number;
  height: number;
  matrix: AttentionMatrix;
  mask?: AttentionMask;
  /** Pixels of background left between neighbouring cells (0 for dense small multiples). */
  gap: number;
}

/** One drawn cell: its rectangle (inside the gap), weight and whether the mask forbids it. */
export interface Cell {
  x: number;
  y: number;
  w: number;
  h: number;
  value: number;
  isMasked: boolean;
  row: number;
  col: number;
}

/** How cells are coloured. */
export interface CellStyle {
  colormap: ColormapName;
  domain: ColorDomain;
  theme: ThemeName;
  /** Id of the hatch `<pattern>` for masked cells. */
  maskPatternId: string;
  /** Write each weight inside its cell. */
  showValues: boolean;
}

/** A weight as written in a cell or a readout: two decimals. */
export function formatWeight(value: number): string {
  return value.toFixed(2);
}

/** The rectangle of cell (row, col), inside the gap. */
export function cellBounds(
  panel: CellPanel,
  row: number,
  col: number,
): { x: number; y: number; w: number; h: number } {
  const cellWidth = panel.width / panel.matrix.cols;
  const cellHeight = panel.height / panel.matrix.rows;
  const inset = panel.gap / 2;
  return {
    x: panel.x + col * cellWidth + inset,
    y: panel.y + row * cellHeight + inset,
    w: Math.max(0, cellWidth - panel.gap),
    h: Math.max(0, cellHeight - panel.gap),
  };
}

/** Every cell of a panel, row by row. */
export function panelCells(panel: CellPanel): Cell[] {
  const { matrix, mask } = panel;
  const cells: Cell[] = [];
  for (let row = 0; row < matrix.rows; row++) {
    for (let col = 0; col < matrix.cols; col++) {
      cells.push({
        ...cellBounds(panel, row, col),
        value: weightAt(matrix, row, col),
        isMasked: isMaskedCell(mask, row, col),
        row,
        col,
      });
    }
  }
  return cells;
}

/** The (row, col) under a point, or null outside the panel. */
export function cellAtPoint(panel: CellPanel, x: number, y: number): { row: number; col: number } | null {
  if (x < panel.x || y < panel.y || x >= panel.x + panel.width || y >= panel.y + panel.height) return null;
  const col = Math.floor(((x - panel.x) / panel.width) * panel.matrix.cols);
  const row = Math.floor(((y - panel.y) / panel.height) * panel.matrix.rows);
  return { row: Math.min(row, panel.matrix.rows - 1), col: Math.min(col, panel.matrix.cols - 1) };
}

/** Font size of the weights written inside cells of this size. */
export function valueFontSize(cellWidth: number, cellHeight: number): number {
  return Math.max(8, Math.min(14, Math.round(Math.min(cellWidth / 3.2, cellHeight * 0.36))));
}

/** Whether cells of this size have room for their weight. */
export function hasRoomForValues(cellWidth: number, cellHeight: number): boolean {
  return cellWidth >= 34 && cellHeight >= 22;
}

/** One RGB pixel per cell (masked cells in the masked grey): the panel at one pixel per cell. */
export function panelPixels(
  panel: CellPanel,
  style: Omit<CellStyle, 'maskPatternId' | 'showValues'>,
): Uint8Array {
  const { matrix, mask } = panel;
  const lut = colormapLut(style.colormap);
  const masked = parseColor(maskedStyle(style.theme).fill);
  const pixels = new Uint8Array(matrix.rows * matrix.cols * 3);
  for (let i = 0; i < matrix.rows * matrix.cols; i++) {
    if (mask && mask.data[i] === 0) {
      pixels.set(masked, i * 3);
    } else {
      const entry = lutIndex(matrix.values[i] ?? 0, style.domain) * 3;
      pixels.set(lut.subarray(entry, entry + 3), i * 3);
    }
  }
  return pixels;
}

/** Cells smaller than this (pixels) go into the SVG as one embedded image rather than one rectangle each. */
export const rasterCellSize = 3;

/** A dense panel as one `<image>`: a PNG with a pixel per cell, scaled up without smoothing. */
export function panelImageSvg(panel: CellPanel, style: CellStyle): string {
  const png = encodePng(panel.matrix.cols, panel.matrix.rows, panelPixels(panel, style));
  return element('image', {
    x: panel.x,
    y: panel.y,
    width: panel.width,
    height: panel.height,
    preserveAspectRatio: 'none',
    'image-rendering': 'optimizeSpeed',
    style: 'image-rendering:pixelated',
    href: `data:image/png;base64,${toBase64(png)}`,
  });
}

/**
 * A panel's cells as SVG rectangles (masked ones filled with the hatch pattern), with weights if asked; panels
 * of tiny cells as one embedded image.
 */
export function cellsSvg(panel: CellPanel, style: CellStyle): string {
  if (panel.width / panel.matrix.cols < rasterCellSize || panel.height / panel.matrix.rows < rasterCellSize) {
    return panelImageSvg(panel, style);
  }
  const parts: string[] = [];
  const texts: string[] = [];
  for (const cell of panelCells(panel)) {
    if (cell.w <= 0 || cell.h <= 0) continue;
    const rgb = lutColor(style.colormap, lutIndex(cell.value, style.domain));
    const fill = cell.isMasked ? `url(#${style.maskPatternId})` : toHex(rgb);
    parts.push(element('rect', { x: cell.x, y: cell.y, width: cell.w, height: cell.h, fill }));
    if (style.showValues && !cell.isMasked) {
      const fontSize = valueFontSize(cell.w, cell.h);
      texts.push(
        textElement(formatWeight(cell.value), {
          x: cell.x + cell.w / 2,
          y: cell.y + cell.h / 2 + fontSize * 0.35,
          'font-size': fontSize,
          'text-anchor': 'middle',
          fill: readableTextOn(rgb),
        }),
      );
    }
  }
  return (
    element('g', { 'shape-rendering': 'crispEdges' }, parts) + (texts.length ? element('g', {}, texts) : '')
  );
}
