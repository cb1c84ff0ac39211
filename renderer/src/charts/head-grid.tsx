/**
 * `<HeadGrid>`: the layer × head overview on one canvas. Hovering reads out the cell under the pointer, arrow
 * keys move between panels, and Enter or a click opens that head (or the layer's average or rollout).
 */
import { useMemo } from 'react';
import { cellReadout } from '../../../shared/charts/cell-focus';
import type { GridColumn, HeadGridOptions } from '../../../shared/charts/head-grid';
import { figureText } from '../../../shared/charts/figure-text';
import { columnName, headGridLayout } from '../../../shared/charts/head-grid';
import type { AxisTokens } from '../../../shared/charts/heatmap';
import type { AttentionStackLike } from '../../../shared/charts/matrix';
import { CellFigureCanvas } from './cell-figure-canvas';

/** Props of {@link HeadGrid}. */
export interface HeadGridProps {
  stack: AttentionStackLike;
  tokens: AxisTokens;
  options?: HeadGridOptions;
  label?: string;
  /** A panel was chosen: open it as a full heatmap. */
  onOpenHead?: (layer: number, column: GridColumn) => void;
}

/** The overview of every layer and head. */
export function HeadGrid({ stack, tokens, options, label, onOpenHead }: HeadGridProps) {
  const layout = useMemo(() => headGridLayout(stack, options), [stack, options]);
  const axes = 'rows' in tokens ? tokens : { rows: tokens, cols: tokens };
  const describe = (focus: { panel: number; row?: number; col?: number }) => {
    const panel = layout.panels[focus.panel];
    if (!panel) return '';
    const language = options?.language;
    const words = figureText(language);
    const where = `${words.layer(panel.layer)}, ${columnName(panel.column, language)}`;
    if (focus.row === undefined || focus.col === undefined) {
      return `${where}${onOpenHead ? ` — ${words.readout.pressEnter}` : ''}`;
    }
    return cellReadout(panel, { row: focus.row, col: focus.col }, axes, `${where}: `, language);
  };
  return (
    <CellFigureCanvas
      frame={layout}
      panels={layout.panels}
      focusMode="panel"
      label={label ?? options?.title ?? 'Every layer and head'}
      describe={describe}
      {...(onOpenHead
        ? {
            onActivate: (focus) => {
              const panel = layout.panels[focus.panel];
              if (panel) onOpenHead(panel.layer, panel.column);
            },
          }
        : {})}
    />
  );
}
