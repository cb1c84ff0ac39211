/**
 * The single-head heatmap: query tokens down the side, key tokens across the top, one cell per (query, key)
 * coloured by its weight, masked cells hatched grey, a legend and a caption. `heatmapLayout` computes every
 * position once; `heatmapSvg` writes it as SVG and the renderer's canvas painter draws the same layout.
 */
import type { AttentionMask } from '../attention/masks';
import { LabError } from '../contract/errors';
import type { Cell, CellPanel } from './cells';
import { cellsSvg, hasRoomForValues, panelCells } from './cells';
import { themeColors } from './color';
import type { ChartOptions, FigureFrame } from './figure';
import {
  chartLegend,
  figurePadding,
  figureSvg,
  frameSize,
  maskPatternId,
  resolveDomain,
  titleBlock,
} from './figure';
import { figureText } from './figure-text';
import type { Label } from './labels';
import { columnLabelDepth, columnLabels, rowLabels, tokenFontSize, widestLabel } from './labels';
import type { LegendLayout } from './legend';
import { legendLayout } from './legend';
import type { AttentionMatrix } from './matrix';
import { checkMask, checkMatrix } from './matrix';
import { element } from './svg';

/** Tokens along both axes (self-attention) or separately for rows and columns (cross-attention). */
export type AxisTokens = readonly string[] | { rows: readonly string[]; cols: readonly string[] };

/** Options of {@link heatmapLayout}. */
export interface HeatmapOptions extends ChartOptions {
  mask?: AttentionMask;
  /** Cell edge in pixels (default: fits the matrix into about 440 pixels, 4 to 72 per cell). */
  cellSize?: number;
  /** Write each weight inside its cell (default: when cells are large enough). */
  showValues?: boolean;
  axisTitles?: { rows: string; cols: string };
  showLegend?: boolean;
}

/** Every position of a heatmap figure. */
export interface HeatmapLayout extends FigureFrame {
  rowTokens: readonly string[];
  colTokens: readonly string[];
  panel: CellPanel;
  cells: Cell[];
  showValues: boolean;
}

const axisTitleFont = 12;

/** Default cell edge: the whole matrix in about 440 pixels. */
export function defaultCellSize(rows: number, cols: number): number {
  return Math.max(4, Math.min(72, Math.round(440 / Math.max(rows, cols))));
}

/** Background gap between cells of this size. */
export function cellGap(cellSize: number): number {
  return cellSize >= 16 ? 2 : cellSize >= 8 ? 1 : 0;
}

/** Splits {@link AxisTokens} into rows and columns and checks them against the matrix. */
export function axisTokens(
  matrix: AttentionMatrix,
  tokens: AxisTokens,
): { rows: readonly string[]; cols: readonly string[] } {
  const split = 'rows' in tokens ? tokens : { rows: tokens, cols: tokens };
  if (split.rows.length !== matrix.rows || split.cols.length !== matrix.cols) {
    throw new LabError(
      'invalid-argument',
      `${split.rows.length}×${split.cols.length} tokens do not label a ${matrix.rows}×${matrix.cols} attention map.`,
    );
  }
  return split;
}

/** The two axis titles of a panel: columns centred above their labels, rows turned upright on the left. */
export function axisTitleLabels(
  titles: { rows: string; cols: string },
  at: { colsX: number; colsY: number; rowsX: number; rowsY: number },
): Label[] {
  const common = { fontSize: axisTitleFont, anchor: 'middle', isMuted: true } as const;
  return [
    { ...common, x: at.colsX, y: at.colsY, text: titles.cols },
    { ...common, x: at.rowsX, y: at.rowsY, text: titles.rows, rotate: -90 },
  ];
}

/** The axis titles in the options' language. */
function defaultAxisTitles(options: ChartOptions): { rows: string; cols: string } {
  const { axis } = figureText(options.language);
  return { rows: axis.query, cols: axis.key };
}

/** Lays out a single-head heatmap. */
export function heatmapLayout(
  matrix: AttentionMatrix,
  tokens: AxisTokens,
  options: HeatmapOptions = {},
): HeatmapLayout {
  checkMatrix(matrix);
  checkMask(matrix, options.mask);
  const { rows: rowTokens, cols: colTokens } = axisTokens(matrix, tokens);
  const theme = options.theme ?? 'light';
  const colormap = options.colormap ?? 'viridis';
  const mask = options.mask;
  const domain = resolveDomain(options.domain, [mask ? { matrix, mask } : { matrix }]);
  const cell = options.cellSize ?? defaultCellSize(matrix.rows, matrix.cols);
  const { title, top } = titleBlock(options.title);
  const fontSize = tokenFontSize(cell);
  const pad = figurePadding;
  const left = pad + axisTitleFont + 10 + widestLabel(rowTokens, fontSize) + 6;
  const plotTop = top + axisTitleFont + 8 + columnLabelDepth(colTokens, cell, fontSize);
  const panel: CellPanel = {
    x: left,
    y: plotTop,
    width: cell * matrix.cols,
    height: cell * matrix.rows,
    matrix,
    ...(mask ? { mask } : {}),
    gap: cellGap(cell),
  };
  const labels = [
    ...axisTitleLabels(options.axisTitles ?? defaultAxisTitles(options), {
      colsX: left + panel.width / 2,
      colsY: top + axisTitleFont,
      rowsX: pad + axisTitleFont,
      rowsY: plotTop + panel.height / 2,
    }),
    ...columnLabels(colTokens, left, plotTop, cell, 'top'),
    ...rowLabels(rowTokens, left, plotTop, cell),
  ];
  let right = left + panel.width;
  let bottom = plotTop + panel.height;
  let legend: LegendLayout | undefined;
  if (options.showLegend ?? true) {
    const hasMasked = mask !== undefined && mask.data.includes(0);
    const barHeight = Math.max(120, Math.min(260, panel.height * 0.75));
    legend = legendLayout(chartLegend(options, domain), right + 28, plotTop, barHeight, hasMasked);
    right = legend.x + legend.width;
    bottom = Math.max(bottom, legend.y + legend.height);
  }
  return {
    ...frameSize({ right, bottom }, title, options.caption, options.language),
    theme,
    colormap,
    domain,
    idPrefix: options.idPrefix ?? 'al',
    ...(title ? { title } : {}),
    labels,
    ...(legend ? { legend } : {}),
    rowTokens,
    colTokens,
    panel,
    cells: panelCells(panel),
    showValues: options.showValues ?? hasRoomForValues(cell, cell),
  };
}

/** A panel's outline in the gridline colour. */
export function panelOutline(panel: CellPanel, stroke: string): string {
  const { x, y, width, height } = panel;
  return element('rect', { x, y, width, height, fill: 'none', stroke });
}

/** Writes a heatmap layout as a standalone SVG document. */
export function heatmapSvg(layout: HeatmapLayout): string {
  const { theme, colormap, domain, showValues } = layout;
  const style = { colormap, domain, theme, maskPatternId: maskPatternId(layout), showValues };
  return figureSvg(layout, [
    cellsSvg(layout.panel, style),
    panelOutline(layout.panel, themeColors(theme).gridline),
  ]);
}
