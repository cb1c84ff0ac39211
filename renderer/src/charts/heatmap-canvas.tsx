/** `<HeatmapCanvas>`: one head's attention as an interactive canvas heatmap (the same layout the SVG export uses). */
import { useMemo } from 'react';
import { cellReadout } from '../../../shared/charts/cell-focus';
import type { AxisTokens, HeatmapOptions } from '../../../shared/charts/heatmap';
import { heatmapLayout } from '../../../shared/charts/heatmap';
import type { AttentionMatrix } from '../../../shared/charts/matrix';
import { CellFigureCanvas } from './cell-figure-canvas';

/** Props of {@link HeatmapCanvas}. */
export interface HeatmapCanvasProps {
  matrix: AttentionMatrix;
  tokens: AxisTokens;
  options?: HeatmapOptions;
  /** The accessible name (default: the title). */
  label?: string;
}

/** A single-head heatmap with hover and keyboard readouts of every weight. */
export function HeatmapCanvas({ matrix, tokens, options, label }: HeatmapCanvasProps) {
  const layout = useMemo(() => heatmapLayout(matrix, tokens, options), [matrix, tokens, options]);
  const panels = useMemo(() => [layout.panel], [layout]);
  const axes = { rows: layout.rowTokens, cols: layout.colTokens };
  return (
    <CellFigureCanvas
      frame={layout}
      panels={panels}
      showValues={layout.showValues}
      focusMode="cell"
      label={label ?? options?.title ?? 'Attention heatmap'}
      describe={(focus) =>
        cellReadout(layout.panel, { row: focus.row ?? 0, col: focus.col ?? 0 }, axes, '', options?.language)
      }
    />
  );
}
