/**
 * Paints a laid-out figure on a canvas — the same layout the SVG export writes: background, cell panels
 * (rasterised through the colour table), weights inside large cells, outlines, labels, legend, caption and the
 * focus ring. Painting is a pure function of the layout and the focus; React decides when to call it.
 */
import type { CellPanel } from '../../../shared/charts/cells';
import { cellBounds, formatWeight, valueFontSize } from '../../../shared/charts/cells';
import { lutColor, lutIndex, maskedStyle, themeColors } from '../../../shared/charts/color';
import type { ThemeName } from '../../../shared/charts/color';
import { readableTextOn } from '../../../shared/charts/color-math';
import type { FigureFrame } from '../../../shared/charts/figure';
import type { Label } from '../../../shared/charts/labels';
import type { LegendLayout } from '../../../shared/charts/legend';
import { chartFontFamily, captionFont, wrappedCaption } from '../../../shared/charts/svg';
import { prepareCanvas } from './canvas-surface';
import { rasterBounds, rasterisePanels } from './raster-panels';

/** The focused cell (or, with no row/column, the whole panel) to outline. */
export interface PaintFocus {
  panel: number;
  row?: number;
  col?: number;
}

function paintLabel(context: CanvasRenderingContext2D, label: Label, theme: ThemeName): void {
  const colors = themeColors(theme);
  context.save();
  context.font = `${label.isBold ? 'bold ' : ''}${label.fontSize}px ${chartFontFamily}`;
  context.fillStyle = label.isMuted ? colors.mutedText : colors.text;
  context.textAlign = label.anchor === 'middle' ? 'center' : label.anchor === 'end' ? 'right' : 'left';
  context.textBaseline = 'alphabetic';
  context.translate(label.x, label.y);
  if (label.rotate) context.rotate((label.rotate * Math.PI) / 180);
  context.fillText(label.text, 0, 0);
  context.restore();
}

/** A canvas pattern of the masked-cell hatch. */
function hatchPattern(context: CanvasRenderingContext2D, theme: ThemeName): CanvasPattern | string {
  const style = maskedStyle(theme);
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const tileContext = tile.getContext('2d');
  if (!tileContext) return style.fill;
  tileContext.fillStyle = style.fill;
  tileContext.fillRect(0, 0, 8, 8);
  tileContext.strokeStyle = style.hatch;
  tileContext.lineWidth = style.lineWidth;
  for (const offset of [-8, 0, 8]) {
    tileContext.beginPath();
    tileContext.moveTo(offset, 8);
    tileContext.lineTo(offset + 8, 0);
    tileContext.stroke();
  }
  return context.createPattern(tile, 'repeat') ?? style.fill;
}

function paintLegend(context: CanvasRenderingContext2D, legend: LegendLayout, theme: ThemeName): void {
  const colors = themeColors(theme);
  const { bar } = legend;
  paintLabel(context, legend.title, theme);
  if (bar.height > 0) {
    const gradient = context.createLinearGradient(0, bar.y + bar.height, 0, bar.y);
    for (const stop of legend.model.stops) gradient.addColorStop(stop.offset, stop.color);
    context.fillStyle = gradient;
    context.fillRect(bar.x, bar.y, bar.width, bar.height);
    context.strokeStyle = colors.gridline;
    context.strokeRect(bar.x + 0.5, bar.y + 0.5, bar.width - 1, bar.height - 1);
  }
  context.strokeStyle = colors.mutedText;
  for (const tick of legend.ticks) {
    context.beginPath();
    context.moveTo(tick.x1, tick.y);
    context.lineTo(tick.x2, tick.y);
    context.stroke();
    paintLabel(context, tick.label, theme);
  }
  const swatches = [
    legend.allowed ? { ...legend.allowed, fill: legend.allowed.color as string | CanvasPattern } : null,
    legend.masked ? { ...legend.masked, fill: hatchPattern(context, theme) } : null,
  ];
  for (const swatch of swatches) {
    if (!swatch) continue;
    context.fillStyle = swatch.fill;
    context.fillRect(swatch.x, swatch.y, swatch.size, swatch.size);
    paintLabel(context, swatch.label, theme);
  }
}

function paintValues(context: CanvasRenderingContext2D, panel: CellPanel, frame: FigureFrame): void {
  context.textAlign = 'center';
  for (let row = 0; row < panel.matrix.rows; row++) {
    for (let col = 0; col < panel.matrix.cols; col++) {
      if (panel.mask?.data[row * panel.matrix.cols + col] === 0) continue;
      const cell = cellBounds(panel, row, col);
      const value = panel.matrix.values[row * panel.matrix.cols + col] ?? 0;
      const fontSize = valueFontSize(cell.w, cell.h);
      context.font = `${fontSize}px ${chartFontFamily}`;
      context.fillStyle = readableTextOn(lutColor(frame.colormap, lutIndex(value, frame.domain)));
      context.fillText(formatWeight(value), cell.x + cell.w / 2, cell.y + cell.h / 2 + fontSize * 0.35);
    }
  }
}

function paintFocus(
  context: CanvasRenderingContext2D,
  panels: readonly CellPanel[],
  focus: PaintFocus,
  theme: ThemeName,
): void {
  const panel = panels[focus.panel];
  if (!panel) return;
  const box =
    focus.row !== undefined && focus.col !== undefined
      ? cellBounds(panel, focus.row, focus.col)
      : { x: panel.x, y: panel.y, w: panel.width, h: panel.height };
  // Two rings, light inside dark, so the focus shows on every colour of every scale.
  context.lineWidth = 2;
  context.strokeStyle = themeColors(theme).focus;
  context.strokeRect(box.x - 2, box.y - 2, box.w + 4, box.h + 4);
  context.strokeStyle = theme === 'light' ? '#ffffff' : '#000000';
  context.strokeRect(box.x, box.y, box.w, box.h);
}

const scratchImages = new WeakMap<CanvasRenderingContext2D, ImageData>();

/**
 * An ImageData of `width` × `height` for `context`, reused across redraws of the same size: putImageData copies
 * it, and rasterisePanels writes every pixel, so reuse saves allocating (and collecting) megabytes per redraw.
 */
function scratchImage(context: CanvasRenderingContext2D, width: number, height: number): ImageData {
  const cached = scratchImages.get(context);
  if (cached && cached.width === width && cached.height === height) return cached;
  const image = context.createImageData(width, height);
  scratchImages.set(context, image);
  return image;
}

/** Paints a whole figure whose marks are cell panels (heatmap, overview, triptych). */
export function paintCellFigure(
  canvas: HTMLCanvasElement,
  frame: FigureFrame,
  panels: readonly CellPanel[],
  options: { dpr: number; showValues?: boolean; focus?: PaintFocus | null },
): void {
  const { dpr } = options;
  const colors = themeColors(frame.theme);
  const context = prepareCanvas(canvas, frame.width, frame.height, dpr);
  context.fillStyle = colors.background;
  context.fillRect(0, 0, frame.width, frame.height);
  const bounds = rasterBounds(panels, dpr);
  if (bounds.width > 0 && bounds.height > 0) {
    const image = scratchImage(context, bounds.width, bounds.height);
    rasterisePanels(image, bounds, panels, { ...frame, background: colors.background }, dpr);
    context.putImageData(image, bounds.x, bounds.y); // device pixels: ignores the transform
  }
  context.lineWidth = 1;
  context.strokeStyle = colors.gridline;
  for (const panel of panels)
    context.strokeRect(panel.x - 0.5, panel.y - 0.5, panel.width + 1, panel.height + 1);
  if (options.showValues) for (const panel of panels) paintValues(context, panel, frame);
  if (frame.title) paintLabel(context, frame.title, frame.theme);
  for (const label of frame.labels) paintLabel(context, label, frame.theme);
  if (frame.legend) paintLegend(context, frame.legend, frame.theme);
  if (frame.caption) {
    const { x, y, width, info, language } = frame.caption;
    context.strokeStyle = colors.gridline;
    context.beginPath();
    context.moveTo(x, y + 0.5);
    context.lineTo(x + width, y + 0.5);
    context.stroke();
    context.fillStyle = colors.mutedText;
    context.font = `${captionFont.size}px ${chartFontFamily}`;
    context.textAlign = 'left';
    wrappedCaption(info, width, language).forEach((line, i) =>
      context.fillText(line, x, y + 12 + (i + 0.75) * captionFont.lineHeight),
    );
  }
  if (options.focus) paintFocus(context, panels, options.focus, frame.theme);
}
