/**
 * The layer × head overview: small multiples of every head (rows = layers, columns = heads), then per layer the
 * head average and — for self-attention — the attention rollout up to that layer. Panels reference the stack's
 * data; the SVG export expands them to cells and the canvas painter rasterises them through the colour table.
 */
import type { AttentionMask } from '../attention/masks';
import type { CellPanel } from './cells';
import { cellAtPoint, cellsSvg } from './cells';
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
import type { Language } from './figure-text';
import { figureText } from './figure-text';
import { panelOutline } from './heatmap';
import type { Label } from './labels';
import { legendLayout } from './legend';
import type { AttentionStackLike } from './matrix';
import { checkMask, headAverage, headMatrix } from './matrix';
import { stackRollout } from './rollout';
import { textWidth } from './svg';

/** What a column of the grid shows. */
export type GridColumn = { kind: 'head'; head: number } | { kind: 'average' } | { kind: 'rollout' };

/** One small multiple. */
export interface GridPanel extends CellPanel {
  layer: number;
  column: GridColumn;
}

/** Options of {@link headGridLayout}. */
export interface HeadGridOptions extends ChartOptions {
  /** The mask every map of the stack was computed under (drawn on every panel). */
  mask?: AttentionMask;
  /** Edge of each small multiple in pixels (default: 14 columns in about 900 pixels, 40 to 120 each). */
  panelSize?: number;
  showAverage?: boolean;
  /** Default: for square (self-attention) maps. */
  showRollout?: boolean;
}

/** Every position of the overview. */
export interface HeadGridLayout extends FigureFrame {
  layers: number;
  heads: number;
  panels: GridPanel[];
}

const headerFont = 12;

/** The column header of a panel, in `language`. */
export function columnName(column: GridColumn, language: Language = 'en'): string {
  const words = figureText(language);
  return column.kind === 'head' ? words.head(column.head) : words[column.kind];
}

/** Lays out the overview of `stack` (one kind of attention, every layer and head). */
export function headGridLayout(stack: AttentionStackLike, options: HeadGridOptions = {}): HeadGridLayout {
  const theme = options.theme ?? 'light';
  const colormap = options.colormap ?? 'viridis';
  const isSquare = stack.queries === stack.keys;
  const showAverage = options.showAverage ?? true;
  const showRollout = (options.showRollout ?? isSquare) && isSquare;
  const columns: GridColumn[] = Array.from({ length: stack.heads }, (_, head) => ({ kind: 'head', head }));
  if (showAverage) columns.push({ kind: 'average' });
  if (showRollout) columns.push({ kind: 'rollout' });
  const rollouts = showRollout ? stackRollout(stack) : [];
  const size = options.panelSize ?? Math.max(40, Math.min(120, Math.round(900 / columns.length)));
  const gap = Math.max(6, Math.round(size / 10));
  const summaryGap = 14; // sets the average and rollout columns apart from the heads
  const pad = figurePadding;
  const { title, top } = titleBlock(options.title);
  const words = figureText(options.language);
  const layerLabelWidth = textWidth(words.layer(stack.layers - 1), headerFont) + 10;
  const left = pad + layerLabelWidth;
  const gridTop = top + headerFont + 8;
  const columnX = columns.map(
    (column, i) => left + i * (size + gap) + (column.kind === 'head' ? 0 : summaryGap),
  );
  const labels: Label[] = columns.map((column, i) => ({
    x: (columnX[i] ?? 0) + size / 2,
    y: gridTop - 8,
    text: columnName(column, options.language),
    fontSize: headerFont,
    anchor: 'middle',
    isMuted: column.kind !== 'head',
  }));
  const panels: GridPanel[] = [];
  const mask = options.mask;
  for (let layer = 0; layer < stack.layers; layer++) {
    const y = gridTop + layer * (size + gap);
    labels.push({
      x: left - 10,
      y: y + size / 2 + headerFont * 0.35,
      text: words.layer(layer),
      fontSize: headerFont,
      anchor: 'end',
    });
    columns.forEach((column, i) => {
      const matrix =
        column.kind === 'head'
          ? headMatrix(stack, layer, column.head)
          : column.kind === 'average'
            ? headAverage(stack, layer)
            : (rollouts[layer] ?? headAverage(stack, layer));
      if (i === 0) checkMask(matrix, mask);
      const panel: GridPanel = {
        x: columnX[i] ?? 0,
        y,
        width: size,
        height: size,
        matrix,
        gap: 0,
        layer,
        column,
      };
      panels.push(mask ? { ...panel, mask } : panel);
    });
  }
  const domain = resolveDomain(options.domain, panels);
  const right = (columnX.at(-1) ?? left) + size;
  const bottom = gridTop + stack.layers * (size + gap) - gap;
  const hasMasked = mask !== undefined && mask.data.includes(0);
  const barHeight = Math.max(120, Math.min(240, bottom - gridTop - 60));
  const legend = legendLayout(chartLegend(options, domain), right + 28, gridTop, barHeight, hasMasked);
  return {
    ...frameSize(
      { right: legend.x + legend.width, bottom: Math.max(bottom, legend.y + legend.height) },
      title,
      options.caption,
      options.language,
    ),
    theme,
    colormap,
    domain,
    idPrefix: options.idPrefix ?? 'al',
    ...(title ? { title } : {}),
    labels,
    legend,
    layers: stack.layers,
    heads: stack.heads,
    panels,
  };
}

/** The panel and cell under a point (for hover and click), or null. */
export function gridHit(
  layout: HeadGridLayout,
  x: number,
  y: number,
): { panel: GridPanel; row: number; col: number } | null {
  for (const panel of layout.panels) {
    const cell = cellAtPoint(panel, x, y);
    if (cell) return { panel, ...cell };
  }
  return null;
}

/** Writes the overview as a standalone SVG document. */
export function headGridSvg(layout: HeadGridLayout): string {
  const { theme, colormap, domain } = layout;
  const style = { colormap, domain, theme, maskPatternId: maskPatternId(layout), showValues: false };
  const stroke = themeColors(theme).gridline;
  return figureSvg(
    layout,
    layout.panels.map((panel) => cellsSvg(panel, style) + panelOutline(panel, stroke)),
  );
}
