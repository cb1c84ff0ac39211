/**
 * The head view ("lines"): query tokens in a left column, key tokens in a right column, a line from each query
 * to each key whose opacity is the attention weight, one colour (and, past seven heads, a dash) per head. Heads
 * can be filtered and one query focused, as in bertviz's head view.
 */
import type { AttentionMask } from '../attention/masks';
import { headColor, headDash } from './color';
import type { ChartOptions, FigureFrame } from './figure';
import { figurePadding, figureSvg, frameSize, resolveDomain, titleBlock } from './figure';
import { figureText } from './figure-text';
import type { AxisTokens } from './heatmap';
import { axisTokens } from './heatmap';
import type { Label } from './labels';
import { labelsSvg, widestLabel } from './labels';
import type { AttentionStackLike } from './matrix';
import { checkMask, headMatrix, isMaskedCell, weightAt } from './matrix';
import { element, textWidth } from './svg';

/** Options of {@link tokenLinesLayout}. */
export interface TokenLinesOptions extends ChartOptions {
  /** Heads to draw (default: every head). */
  heads?: readonly number[];
  /** Draw only the lines of this query (hover in the app). */
  focusQuery?: number;
  /** Lines lighter than this weight are left out (default 0.01). */
  minWeight?: number;
  mask?: AttentionMask;
  /** Vertical distance between tokens (default 36). */
  rowHeight?: number;
}

/** One line from a query token to a key token for one head. */
export interface TokenLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  head: number;
  query: number;
  key: number;
  weight: number;
  opacity: number;
  color: string;
  dash: string;
}

/** A head's entry in the key on the right. */
export interface HeadKey {
  x: number;
  y: number;
  head: number;
  color: string;
  dash: string;
  label: Label;
}

/** Every position of the lines view. */
export interface TokenLinesLayout extends FigureFrame {
  lines: TokenLine[];
  headKeys: HeadKey[];
  /** The query tokens' labels (also in `labels`), one per query: the app makes them focusable. */
  queryLabels: Label[];
  /** Centre of each query (left) and key (right) token, for hit-testing. */
  queryY: number[];
  keyY: number[];
  leftX: number;
  rightX: number;
}

const tokenFont = 15;
const lineSpan = 240;

/** Lays out the lines of layer `layer` of `stack`. */
export function tokenLinesLayout(
  stack: AttentionStackLike,
  layer: number,
  tokens: AxisTokens,
  options: TokenLinesOptions = {},
): TokenLinesLayout {
  const theme = options.theme ?? 'light';
  const heads = options.heads ?? Array.from({ length: stack.heads }, (_, head) => head);
  const matrices = heads.map((head) => ({ head, matrix: headMatrix(stack, layer, head) }));
  const first = headMatrix(stack, layer, 0);
  checkMask(first, options.mask);
  const { rows: queries, cols: keys } = axisTokens(first, tokens);
  const domain = resolveDomain(options.domain, matrices);
  const minWeight = options.minWeight ?? 0.01;
  const rowHeight = options.rowHeight ?? 36;
  const pad = figurePadding;
  const { title, top } = titleBlock(options.title);
  const tokensTop = top + 30;
  const leftX = pad + widestLabel(queries, tokenFont);
  const rightX = leftX + lineSpan;
  const centre = (i: number) => tokensTop + (i + 0.5) * rowHeight;
  const queryY = queries.map((_, q) => centre(q));
  const keyY = keys.map((_, k) => centre(k));
  const words = figureText(options.language);
  const labels: Label[] = [
    { x: leftX, y: top + 14, text: words.query, fontSize: 12, anchor: 'end', isMuted: true },
    { x: rightX, y: top + 14, text: words.key, fontSize: 12, anchor: 'start', isMuted: true },
  ];
  const isFocused = (q: number) => options.focusQuery === undefined || options.focusQuery === q;
  const queryLabels: Label[] = queries.map((token, q) => ({
    x: leftX - 8,
    y: centre(q) + tokenFont * 0.35,
    text: token,
    fontSize: tokenFont,
    anchor: 'end',
    isBold: options.focusQuery === q,
    isMuted: !isFocused(q),
  }));
  labels.push(...queryLabels);
  keys.forEach((token, k) =>
    labels.push({
      x: rightX + 8,
      y: centre(k) + tokenFont * 0.35,
      text: token,
      fontSize: tokenFont,
      anchor: 'start',
    }),
  );
  const lines: TokenLine[] = [];
  for (const { head, matrix } of matrices) {
    for (let q = 0; q < matrix.rows; q++) {
      if (!isFocused(q)) continue;
      for (let k = 0; k < matrix.cols; k++) {
        const weight = weightAt(matrix, q, k);
        if (weight < minWeight || isMaskedCell(options.mask, q, k)) continue;
        const opacity = Math.min(1, weight / (domain[1] || 1));
        lines.push({
          x1: leftX,
          y1: centre(q),
          x2: rightX,
          y2: centre(k),
          head,
          query: q,
          key: k,
          weight,
          opacity,
          color: headColor(head),
          dash: headDash(head),
        });
      }
    }
  }
  const keyX = rightX + 8 + widestLabel(keys, tokenFont) + 36;
  const headKeys: HeadKey[] = heads.map((head, i) => {
    const y = tokensTop + 8 + i * 22;
    const label: Label = { x: keyX + 30, y: y + 4, text: words.head(head), fontSize: 12, anchor: 'start' };
    return { x: keyX, y, head, color: headColor(head), dash: headDash(head), label };
  });
  const right = headKeys.length > 0 ? keyX + 30 + textWidth(words.head(stack.heads - 1), 12) : keyX;
  const bottom = Math.max(
    tokensTop + Math.max(queries.length, keys.length) * rowHeight,
    tokensTop + heads.length * 22,
  );
  return {
    ...frameSize({ right, bottom }, title, options.caption, options.language),
    theme,
    colormap: options.colormap ?? 'viridis',
    domain,
    idPrefix: options.idPrefix ?? 'al',
    ...(title ? { title } : {}),
    labels,
    lines,
    headKeys,
    queryLabels,
    queryY,
    keyY,
    leftX,
    rightX,
  };
}

/** Writes the lines view as a standalone SVG document. */
export function tokenLinesSvg(layout: TokenLinesLayout): string {
  const gutter = 4; // lines stop short of the labels
  const lines = layout.lines.map((line) =>
    element('line', {
      x1: line.x1 + gutter,
      y1: line.y1,
      x2: line.x2 - gutter,
      y2: line.y2,
      stroke: line.color,
      'stroke-opacity': line.opacity,
      'stroke-width': 2.5,
      'stroke-linecap': 'round',
      'stroke-dasharray': line.dash || undefined,
    }),
  );
  const keys = layout.headKeys.map(
    (key) =>
      element('line', {
        x1: key.x,
        y1: key.y,
        x2: key.x + 22,
        y2: key.y,
        stroke: key.color,
        'stroke-width': 3,
        'stroke-dasharray': key.dash || undefined,
      }) + labelsSvg([key.label], layout.theme),
  );
  return figureSvg(layout, [element('g', {}, lines), ...keys]);
}
