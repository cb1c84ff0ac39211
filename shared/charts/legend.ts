/**
 * The colour legend: a vertical gradient bar (high weights at the top) with ticks, its title, and a hatched
 * swatch that names the masked-cell style — laid out as data for both the SVG export and the canvas.
 */
import type { LegendModel, ThemeName } from './color';
import { themeColors } from './color';
import type { Label } from './labels';
import { labelSvg } from './labels';
import { element, textWidth } from './svg';

/** Where each part of a legend goes. */
export interface LegendLayout {
  model: LegendModel;
  x: number;
  y: number;
  width: number;
  height: number;
  title: Label;
  /** The gradient bar: t = 1 at the top. */
  bar: { x: number; y: number; width: number; height: number };
  ticks: { y: number; x1: number; x2: number; label: Label }[];
  masked?: { x: number; y: number; size: number; label: Label };
  /** Mask legends: the swatch of allowed cells (the bar then has no height and there are no ticks). */
  allowed?: { x: number; y: number; size: number; color: string; label: Label };
}

const barWidth = 14;
const tickFont = 11;
const titleFont = 12;

/** Width a legend needs. */
export function legendWidth(model: LegendModel, showMasked: boolean): number {
  if (model.kind === 'mask') {
    const widest = Math.max(
      textWidth(model.masked.label, titleFont),
      textWidth(model.allowed?.label ?? '', titleFont),
    );
    return Math.ceil(Math.max(textWidth(model.title, titleFont), barWidth + 6 + widest));
  }
  const tickLabels = Math.max(...model.ticks.map((tick) => textWidth(tick.label, tickFont)));
  const masked = showMasked ? barWidth + 6 + textWidth(model.masked.label, titleFont) : 0;
  return Math.ceil(Math.max(textWidth(model.title, titleFont), barWidth + 10 + tickLabels, masked));
}

/** Lays out a legend at (x, y) with a gradient bar `barHeight` pixels tall. */
export function legendLayout(
  model: LegendModel,
  x: number,
  y: number,
  barHeight: number,
  showMasked: boolean,
): LegendLayout {
  if (model.kind === 'mask') return maskLegendLayout(model, x, y);
  const title: Label = {
    x,
    y: y + titleFont,
    text: model.title,
    fontSize: titleFont,
    anchor: 'start',
    isMuted: true,
  };
  const bar = { x, y: y + titleFont + 10, width: barWidth, height: barHeight };
  const ticks = model.ticks.map((tick) => {
    const tickY = bar.y + (1 - tick.t) * bar.height;
    const label: Label = {
      x: bar.x + barWidth + 8,
      y: tickY + tickFont * 0.35,
      text: tick.label,
      fontSize: tickFont,
      anchor: 'start',
    };
    return { y: tickY, x1: bar.x + barWidth, x2: bar.x + barWidth + 4, label };
  });
  let height = bar.y + bar.height - y + tickFont / 2;
  let masked: LegendLayout['masked'];
  if (showMasked) {
    const swatchY = bar.y + bar.height + 18;
    masked = {
      x,
      y: swatchY,
      size: barWidth,
      label: {
        x: x + barWidth + 6,
        y: swatchY + barWidth / 2 + titleFont * 0.35,
        text: model.masked.label,
        fontSize: titleFont,
        anchor: 'start',
      },
    };
    height = swatchY + barWidth - y;
  }
  return {
    model,
    x,
    y,
    width: legendWidth(model, showMasked),
    height,
    title,
    bar,
    ticks,
    ...(masked ? { masked } : {}),
  };
}

/** The two-swatch legend of a mask view. */
function maskLegendLayout(model: LegendModel, x: number, y: number): LegendLayout {
  const title: Label = {
    x,
    y: y + titleFont,
    text: model.title,
    fontSize: titleFont,
    anchor: 'start',
    isMuted: true,
  };
  const swatch = (swatchY: number, text: string) => ({
    x,
    y: swatchY,
    size: barWidth,
    label: {
      x: x + barWidth + 6,
      y: swatchY + barWidth / 2 + titleFont * 0.35,
      text,
      fontSize: titleFont,
      anchor: 'start' as const,
    },
  });
  const allowedY = y + titleFont + 12;
  return {
    model,
    x,
    y,
    width: legendWidth(model, true),
    height: allowedY + 2 * barWidth + 10 - y,
    title,
    bar: { x, y: allowedY, width: barWidth, height: 0 },
    ticks: [],
    allowed: { ...swatch(allowedY, model.allowed?.label ?? ''), color: model.allowed?.color ?? '#000000' },
    masked: swatch(allowedY + barWidth + 10, model.masked.label),
  };
}

/** A legend as SVG; `gradientId` names its gradient, `maskPatternId` the hatch pattern defined by the chart. */
export function legendSvg(
  layout: LegendLayout,
  ids: { gradientId: string; maskPatternId: string },
  theme: ThemeName,
): string {
  const colors = themeColors(theme);
  const { bar, model } = layout;
  // The gradient runs bottom (low) to top (high).
  const gradient = element(
    'linearGradient',
    { id: ids.gradientId, x1: 0, y1: 1, x2: 0, y2: 0 },
    model.stops.map((stop) => element('stop', { offset: stop.offset, 'stop-color': stop.color })),
  );
  const parts = [labelSvg(layout.title, theme)];
  if (bar.height > 0) {
    parts.push(
      element('defs', {}, gradient),
      element('rect', { ...bar, fill: `url(#${ids.gradientId})`, stroke: colors.gridline }),
    );
  }
  parts.push(
    ...layout.ticks.map(
      (tick) =>
        element('line', { x1: tick.x1, y1: tick.y, x2: tick.x2, y2: tick.y, stroke: colors.mutedText }) +
        labelSvg(tick.label, theme),
    ),
  );
  if (layout.allowed) {
    const { x, y, size, color, label } = layout.allowed;
    parts.push(
      element('rect', { x, y, width: size, height: size, fill: color, stroke: colors.gridline }),
      labelSvg(label, theme),
    );
  }
  if (layout.masked) {
    const { x, y, size, label } = layout.masked;
    parts.push(
      element('rect', {
        x,
        y,
        width: size,
        height: size,
        fill: `url(#${ids.maskPatternId})`,
        stroke: colors.gridline,
      }),
      labelSvg(label, theme),
    );
  }
  return element('g', { class: 'legend' }, parts);
}
