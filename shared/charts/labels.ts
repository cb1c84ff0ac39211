/**
 * Text placed by a chart layout — token labels along an axis, axis titles, panel headers — as plain data that
 * both the SVG export and the canvas painter draw, so the two always put every word in the same place.
 */
import type { ThemeName } from './color';
import { themeColors } from './color';
import { fitText, formatNumber, textElement, textWidth } from './svg';

/** One piece of text: `y` is the baseline; `rotate` turns it about (x, y) in degrees. */
export interface Label {
  x: number;
  y: number;
  text: string;
  fontSize: number;
  anchor: 'start' | 'middle' | 'end';
  rotate?: number;
  isBold?: boolean;
  isMuted?: boolean;
}

/** Baseline offset that centres text of `fontSize` vertically on a line. */
export function centredBaseline(centreY: number, fontSize: number): number {
  return centreY + fontSize * 0.35;
}

/** Axis-label font size for cells of `cellSize` pixels. */
export function tokenFontSize(cellSize: number): number {
  return Math.max(9, Math.min(16, Math.round(cellSize * 0.42)));
}

/** Show every `step`-th token label when the cells are too small for all of them. */
function labelStep(cellSize: number, fontSize: number): number {
  return Math.max(1, Math.ceil((fontSize * 1.15) / cellSize));
}

/** Longest label a token axis gets (longer tokens are cut with an ellipsis). */
export const maxLabelWidth = 150;

/** Width of the widest of `tokens` at `fontSize`, capped at {@link maxLabelWidth}. */
export function widestLabel(tokens: readonly string[], fontSize: number): number {
  return Math.min(maxLabelWidth, Math.max(0, ...tokens.map((t) => textWidth(t, fontSize))));
}

/** Whether column labels must stand upright (rotated) because they do not fit across their cells. */
export function isColumnRotated(tokens: readonly string[], cellWidth: number, fontSize: number): boolean {
  return widestLabel(tokens, fontSize) > cellWidth - 4;
}

/** The space column labels need across the axis (their height when horizontal, their width when rotated). */
export function columnLabelDepth(tokens: readonly string[], cellWidth: number, fontSize: number): number {
  return isColumnRotated(tokens, cellWidth, fontSize) ? widestLabel(tokens, fontSize) + 6 : fontSize + 6;
}

/** Row labels, right-aligned to the left of a panel at `x`, one per row of height `cellHeight` from `top`. */
export function rowLabels(tokens: readonly string[], x: number, top: number, cellHeight: number): Label[] {
  const fontSize = tokenFontSize(cellHeight);
  const step = labelStep(cellHeight, fontSize);
  const labels: Label[] = [];
  tokens.forEach((token, row) => {
    if (row % step !== 0) return;
    const text = fitText(token, fontSize, maxLabelWidth);
    labels.push({
      x: x - 6,
      y: centredBaseline(top + (row + 0.5) * cellHeight, fontSize),
      text,
      fontSize,
      anchor: 'end',
    });
  });
  return labels;
}

/**
 * Column labels along the horizontal edge at `y`, above it (`side` top) or below it (bottom); horizontal when
 * they fit across a cell, otherwise turned upright and reading upwards.
 */
export function columnLabels(
  tokens: readonly string[],
  left: number,
  y: number,
  cellWidth: number,
  side: 'top' | 'bottom',
): Label[] {
  const fontSize = tokenFontSize(cellWidth);
  const isRotated = isColumnRotated(tokens, cellWidth, fontSize);
  const step = labelStep(cellWidth, fontSize);
  const labels: Label[] = [];
  tokens.forEach((token, col) => {
    if (col % step !== 0) return;
    const text = fitText(token, fontSize, maxLabelWidth);
    const centre = left + (col + 0.5) * cellWidth;
    if (!isRotated) {
      const baseline = side === 'top' ? y - 6 : y + 6 + fontSize * 0.8;
      labels.push({ x: centre, y: baseline, text, fontSize, anchor: 'middle' });
    } else {
      // Rotated by −90°: the baseline runs upwards, so x is the centre shifted by the text's half height.
      const x = centre + fontSize * 0.35;
      labels.push({
        x,
        y: side === 'top' ? y - 6 : y + 6,
        text,
        fontSize,
        anchor: side === 'top' ? 'start' : 'end',
        rotate: -90,
      });
    }
  });
  return labels;
}

/** A label as an SVG `<text>`. */
export function labelSvg(label: Label, theme: ThemeName): string {
  const colors = themeColors(theme);
  return textElement(label.text, {
    x: label.x,
    y: label.y,
    'font-size': label.fontSize,
    'font-weight': label.isBold ? 'bold' : undefined,
    'text-anchor': label.anchor === 'start' ? undefined : label.anchor,
    fill: label.isMuted ? colors.mutedText : colors.text,
    transform: label.rotate
      ? `rotate(${formatNumber(label.rotate)} ${formatNumber(label.x)} ${formatNumber(label.y)})`
      : undefined,
  });
}

/** Several labels as SVG. */
export function labelsSvg(labels: readonly Label[], theme: ThemeName): string {
  return labels.map((label) => labelSvg(label, theme)).join('');
}
