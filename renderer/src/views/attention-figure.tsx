/**
 * One attention view on screen: the cell views on an interactive canvas (exact weights read out on hover and
 * keyboard focus, in the user's language), the lines view as SVG. The figure's geometry is published in a
 * `data-geometry` attribute, so tests and tools can find each cell in a screenshot.
 */
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { asLanguage } from '../../../shared/animations/narration';
import type { CellFocus } from '../../../shared/charts/cell-focus';
import { formatWeight } from '../../../shared/charts/cells';
import type { ThemeName } from '../../../shared/charts/color';
import type { GridColumn } from '../../../shared/charts/head-grid';
import { isMaskedCell, weightAt } from '../../../shared/charts/matrix';
import { CellFigureCanvas } from '../charts/cell-figure-canvas';
import { TokenLines } from '../charts/token-lines';
import type { CellFigure, ScreenOptions } from './screen-figure';
import { screenFigure } from './screen-figure';
import type { ViewData } from './view-data';
import type { DisplayPrefs, ViewSettings } from './view-settings';
import { largeTypeZoom } from './view-settings';
import { useElementWidth } from './use-element-width';
import { focusOfWord } from './focus-word';

/** Props of {@link AttentionFigure}. */
export interface AttentionFigureProps {
  data: ViewData;
  settings: ViewSettings;
  prefs: DisplayPrefs;
  theme: ThemeName;
  /** The figure's title (translated). */
  title: string;
  /** The overview: a panel was chosen. */
  onOpenHead?: (layer: number, column: GridColumn) => void;
  /** The lines view: heads ticked or unticked. */
  onHeadsChange?: (heads: number[]) => void;
  /** Smaller cells and no legend (the Compare page). */
  layout?: Pick<ScreenOptions, 'cellSize' | 'showLegend' | 'showTitle'>;
  /** A word whose row starts focused, on its most-attended key (a walkthrough step's "love"). */
  focusWord?: string;
  /** The height the figure may take (CSS pixels): it zooms out to fit (presenter mode's one-screen slide). */
  maxHeight?: number;
  /** How far large type may zoom in when there is room (default {@link largeTypeZoom}; presenter mode more). */
  maxZoom?: number;
}

/** Below this the figure scrolls instead of shrinking further (its numbers would be too small to read). */
const minZoom = 0.6;

/**
 * How much larger than its figure units a cell figure is drawn: as large as the width and height allow, up to
 * 1× (or `maxZoom` in large type), but never below {@link minZoom}.
 */
export function fitZoom(
  frame: { width: number; height: number },
  room: { width: number; height?: number | undefined },
  maxZoom: number,
): number {
  const byWidth = room.width > 0 ? room.width / frame.width : maxZoom;
  const byHeight = room.height !== undefined && room.height > 0 ? room.height / frame.height : maxZoom;
  return Math.max(minZoom, Math.min(maxZoom, byWidth, byHeight));
}

/** Where each panel is, for tests and tools (figure units = CSS pixels at zoom 1). */
function geometry(figure: CellFigure, zoom: number): string {
  const panels = figure.panels.map(({ x, y, width, height, gap, matrix }) => ({
    x,
    y,
    width,
    height,
    gap,
    rows: matrix.rows,
    cols: matrix.cols,
  }));
  return JSON.stringify({ width: figure.frame.width, height: figure.frame.height, zoom, panels });
}

/** The view. */
export function AttentionFigure(props: AttentionFigureProps) {
  const { data, settings, prefs, theme, title, onOpenHead, onHeadsChange } = props;
  const { t, i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  const axisTitles = useMemo(() => ({ rows: t('views.axis.query'), cols: t('views.axis.key') }), [t]);
  const figure = useMemo(
    () =>
      screenFigure(data, settings, {
        colormap: prefs.colormap,
        theme,
        title,
        axisTitles,
        language,
        ...props.layout,
      }),
    [data, settings, prefs.colormap, theme, title, axisTitles, language, props.layout],
  );
  const { focusWord } = props;
  const initialFocus = useMemo(
    () => (focusWord && figure.type === 'cells' ? focusOfWord(figure, focusWord) : null),
    [figure, focusWord],
  );
  const frameRef = useRef<HTMLDivElement>(null);
  const available = useElementWidth(frameRef);
  // The figure fits the room it has (width, and height when given); large type lets it grow past 1×.
  const zoom =
    figure.type === 'cells'
      ? fitZoom(
          figure.frame,
          { width: available, height: props.maxHeight },
          prefs.isLargeType ? (props.maxZoom ?? largeTypeZoom) : 1,
        )
      : 1;

  if (figure.type === 'lines') {
    const all = Array.from({ length: figure.stack.heads }, (_, h) => h);
    return (
      <div className="figure-frame lines-frame" data-testid="attention-figure" ref={frameRef}>
        <TokenLines
          stack={figure.stack}
          layer={settings.layer}
          tokens={{ rows: figure.rows, cols: figure.cols }}
          options={{ mask: figure.mask, colormap: prefs.colormap, theme, title, language }}
          heads={settings.heads ?? all}
          {...(onHeadsChange ? { onHeadsChange } : {})}
        />
      </div>
    );
  }

  const columnName = (column: GridColumn) =>
    column.kind === 'head' ? t('views.headNumber', { head: column.head }) : t(`views.${column.kind}`);
  const describe = (focus: { panel: number; row?: number; col?: number }) => {
    const info = figure.info[focus.panel];
    const panel = figure.panels[focus.panel];
    if (!info || !panel) return '';
    const where =
      info.column !== undefined
        ? `${t('views.layerNumber', { layer: info.layer })}, ${columnName(info.column)}`
        : info.part
          ? t(`views.kind.${info.part}`)
          : '';
    if (focus.row === undefined || focus.col === undefined) {
      return onOpenHead ? `${where} — ${t('views.readout.pressEnter')}` : where;
    }
    const pair = { query: info.rows[focus.row] ?? '', key: info.cols[focus.col] ?? '' };
    const isMasked = isMaskedCell(panel.mask, focus.row, focus.col);
    const text = isMasked
      ? t('views.readout.masked', pair)
      : info.isMask
        ? t('views.readout.allowed', pair)
        : t('views.readout.weight', {
            ...pair,
            value: formatWeight(weightAt(panel.matrix, focus.row, focus.col)),
          });
    return where ? `${where}: ${text}` : text;
  };
  const activate = (focus: CellFocus) => {
    const column = figure.info[focus.panel]?.column;
    const layer = figure.info[focus.panel]?.layer;
    if (onOpenHead && column && layer !== undefined) onOpenHead(layer, column);
  };
  return (
    <div
      className="figure-frame"
      data-testid="attention-figure"
      data-geometry={geometry(figure, zoom)}
      ref={frameRef}
    >
      <CellFigureCanvas
        key={settings.view}
        frame={figure.frame}
        panels={figure.panels}
        showValues={figure.showValues}
        focusMode={figure.focusMode}
        label={title}
        describe={describe}
        zoom={zoom}
        initialFocus={initialFocus}
        {...(onOpenHead && figure.focusMode === 'panel' ? { onActivate: activate } : {})}
      />
    </div>
  );
}
