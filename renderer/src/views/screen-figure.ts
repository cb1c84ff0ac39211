/**
 * What a view draws on screen, from the same shared layouts the export uses: for the cell views (head,
 * overview, mask, triptych) the laid-out frame, its panels and, per panel, the tokens along its axes (for the
 * readouts); for the lines view, the stack and layer the `<TokenLines>` component draws.
 */
import type { AttentionKind } from '../../../shared/charts/attention-view';
import { attentionOf } from '../../../shared/charts/attention-view';
import type { CellPanel } from '../../../shared/charts/cells';
import type { ColormapName, ThemeName } from '../../../shared/charts/color';
import type { FigureFrame } from '../../../shared/charts/figure';
import type { Language } from '../../../shared/charts/figure-text';
import type { GridColumn } from '../../../shared/charts/head-grid';
import { headGridLayout } from '../../../shared/charts/head-grid';
import { heatmapLayout } from '../../../shared/charts/heatmap';
import { maskPattern, triptychPattern } from '../../../shared/charts/mask-pattern';
import { maskHeatmapLayout, maskTriptychLayout } from '../../../shared/charts/mask-view';
import type { AttentionMask } from '../../../shared/attention/masks';
import type { AttentionStackLike } from '../../../shared/charts/matrix';
import { triptychLayout } from '../../../shared/charts/triptych';
import type { ViewData } from './view-data';
import { pickHead } from './view-data';
import type { ViewSettings } from './view-settings';

/** The tokens of a panel and what it shows (for readouts). */
export interface PanelInfo {
  rows: readonly string[];
  cols: readonly string[];
  /** Triptych: which part; overview: the layer and column. */
  part?: AttentionKind;
  layer?: number;
  column?: GridColumn;
  isMask: boolean;
}

/** A figure of cell panels. */
export interface CellFigure {
  type: 'cells';
  frame: FigureFrame;
  panels: readonly CellPanel[];
  info: readonly PanelInfo[];
  showValues: boolean;
  focusMode: 'cell' | 'panel';
}

/** The lines view. */
export interface LinesFigure {
  type: 'lines';
  stack: AttentionStackLike;
  rows: readonly string[];
  cols: readonly string[];
  mask: AttentionMask;
}

/** Options of the on-screen figure: colours, the (translated) title and the language of its labels. */
export interface ScreenOptions {
  colormap: ColormapName;
  theme: ThemeName;
  title: string;
  /** Language of the words inside the figure: headers, legend, panel titles (default English). */
  language?: Language;
  axisTitles: { rows: string; cols: string };
  /** Cell edge in pixels (default: the layout's own). */
  cellSize?: number;
  showLegend?: boolean;
  /** Default true; the Compare page titles its columns instead. */
  showTitle?: boolean;
}

/** The figure a view shows for `data`. */
export function screenFigure(
  data: ViewData,
  settings: ViewSettings,
  options: ScreenOptions,
): CellFigure | LinesFigure {
  const { layer, head, kind, padding } = settings;
  const common = {
    colormap: options.colormap,
    theme: options.theme,
    ...(options.language ? { language: options.language } : {}),
    ...(options.showTitle === false ? {} : { title: options.title }),
  };
  const sized = options.cellSize ? { cellSize: options.cellSize } : {};
  const cells = (
    layout: FigureFrame & { showValues?: boolean },
    panels: readonly CellPanel[],
    info: readonly PanelInfo[],
    focusMode: 'cell' | 'panel' = 'cell',
  ): CellFigure => ({
    type: 'cells',
    frame: layout,
    panels,
    info,
    showValues: layout.showValues ?? false,
    focusMode,
  });

  if (settings.view === 'triptych' || (settings.view === 'mask' && data.family === 't5')) {
    const isMask = settings.view === 'mask';
    const pattern = isMask ? triptychPattern(data, padding) : null;
    const input = pattern?.inputTokens ?? data.tokens.input;
    const target = data.tokens.target ?? [];
    const layout = pattern
      ? maskTriptychLayout(
          { inputTokens: input, targetTokens: target },
          { ...common, ...sized, masks: pattern.masks },
        )
      : triptychLayout(
          {
            inputTokens: input,
            targetTokens: target,
            encoder: pickHead(attentionOf(data, 'encoder').stack, layer, head),
            cross: pickHead(attentionOf(data, 'cross').stack, layer, head),
            decoder: pickHead(attentionOf(data, 'decoder').stack, layer, head),
          },
          { ...common, ...sized },
        );
    const axes = { encoder: [input, input], cross: [target, input], decoder: [target, target] } as const;
    return cells(
      layout,
      layout.panels.map(({ panel }) => panel),
      layout.panels.map(({ part }) => ({ rows: axes[part][0], cols: axes[part][1], part, isMask })),
    );
  }

  if (settings.view === 'mask') {
    const pattern = maskPattern(data, kind, padding);
    const layout = maskHeatmapLayout(
      pattern.mask,
      { rows: pattern.rows, cols: pattern.cols },
      { ...common, ...sized, axisTitles: options.axisTitles },
    );
    return cells(layout, [layout.panel], [{ rows: pattern.rows, cols: pattern.cols, isMask: true }]);
  }

  const { stack, rows, cols, mask } = attentionOf(data, kind);
  if (settings.view === 'lines') return { type: 'lines', stack, rows, cols, mask };
  if (settings.view === 'overview') {
    const layout = headGridLayout(stack, { ...common, mask });
    const info = layout.panels.map((panel) => ({
      rows,
      cols,
      layer: panel.layer,
      column: panel.column,
      isMask: false,
    }));
    return cells(layout, layout.panels, info, 'panel');
  }
  const layout = heatmapLayout(
    pickHead(stack, layer, head),
    { rows, cols },
    {
      ...common,
      ...sized,
      mask,
      axisTitles: options.axisTitles,
      ...(options.showLegend === false ? { showLegend: false } : {}),
    },
  );
  return cells(layout, [layout.panel], [{ rows, cols, isMask: false }]);
}
