/**
 * The T5 triptych of the chapter's figure (fig_t5-encoder-decoder): the encoder's self-attention square (input
 * × input) at the bottom, the cross-attention rectangle (target rows × input columns) above it, and the
 * decoder's causal triangle (target × target) beside that — on shared token axes: the cross rectangle shares
 * its columns with the encoder square and its rows with the decoder triangle.
 */
import type { AttentionMask } from '../attention/masks';
import { causalMask } from '../attention/masks';
import type { CellPanel } from './cells';
import { cellsSvg, hasRoomForValues } from './cells';
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
import { axisTokens, cellGap, panelOutline } from './heatmap';
import type { Label } from './labels';
import { columnLabelDepth, columnLabels, rowLabels, tokenFontSize, widestLabel } from './labels';
import { legendLayout } from './legend';
import type { AttentionMatrix } from './matrix';
import { checkMask, checkMatrix } from './matrix';
import { textWidth } from './svg';

/** The three maps of one encoder–decoder layer (or head average) and their tokens. */
export interface TriptychData {
  inputTokens: readonly string[];
  targetTokens: readonly string[];
  encoder: AttentionMatrix;
  cross: AttentionMatrix;
  decoder: AttentionMatrix;
  /** Masks; the decoder defaults to the causal mask, the others to "everything allowed". */
  masks?: { encoder?: AttentionMask; cross?: AttentionMask; decoder?: AttentionMask };
}

/** Options of {@link triptychLayout}. */
export interface TriptychOptions extends ChartOptions {
  cellSize?: number;
  showValues?: boolean;
}

/** The three panels. */
export type TriptychPart = 'encoder' | 'cross' | 'decoder';

/** Every position of the triptych. */
export interface TriptychLayout extends FigureFrame {
  panels: { part: TriptychPart; panel: CellPanel }[];
  showValues: boolean;
}

const groupFont = 12;

/** Lays out the triptych. */
export function triptychLayout(data: TriptychData, options: TriptychOptions = {}): TriptychLayout {
  const { inputTokens, targetTokens } = data;
  const masks = { ...data.masks, decoder: data.masks?.decoder ?? causalMask(targetTokens.length) };
  const parts: [TriptychPart, AttentionMatrix, readonly string[], readonly string[]][] = [
    ['encoder', data.encoder, inputTokens, inputTokens],
    ['cross', data.cross, targetTokens, inputTokens],
    ['decoder', data.decoder, targetTokens, targetTokens],
  ];
  for (const [part, matrix, rows, cols] of parts) {
    checkMatrix(matrix, `${part} attention map`);
    checkMask(matrix, masks[part]);
    axisTokens(matrix, { rows, cols });
  }
  const theme = options.theme ?? 'light';
  const colormap = options.colormap ?? 'viridis';
  const nIn = inputTokens.length;
  const nOut = targetTokens.length;
  const cell = options.cellSize ?? Math.max(4, Math.min(64, Math.round(560 / (nIn + nOut))));
  const fontSize = tokenFontSize(cell);
  const pad = figurePadding;
  const { title, top } = titleBlock(options.title);

  const left = pad + groupFont + 10 + widestLabel([...inputTokens, ...targetTokens], fontSize) + 6;
  const topY = top + 22; // room for the two upper panel titles
  const gapX = 24;
  const gapY = 34; // room for the encoder's title between the cross rectangle and the encoder square
  const crossPanel = { x: left, y: topY, width: nIn * cell, height: nOut * cell };
  const decoderPanel = { x: left + nIn * cell + gapX, y: topY, width: nOut * cell, height: nOut * cell };
  const encoderPanel = { x: left, y: topY + nOut * cell + gapY, width: nIn * cell, height: nIn * cell };
  const gap = cellGap(cell);
  const withMask = (
    panel: typeof crossPanel,
    matrix: AttentionMatrix,
    mask: AttentionMask | undefined,
  ): CellPanel => (mask ? { ...panel, matrix, mask, gap } : { ...panel, matrix, gap });
  const panels = [
    { part: 'encoder' as const, panel: withMask(encoderPanel, data.encoder, masks.encoder) },
    { part: 'cross' as const, panel: withMask(crossPanel, data.cross, masks.cross) },
    { part: 'decoder' as const, panel: withMask(decoderPanel, data.decoder, masks.decoder) },
  ];

  const panelTitle = (x: number, y: number, text: string): Label => ({
    x,
    y,
    text,
    fontSize: 13,
    anchor: 'start',
    isBold: true,
  });
  const group = (x: number, y: number, text: string, rotate?: number): Label => ({
    x,
    y,
    text,
    fontSize: groupFont,
    anchor: 'middle',
    isMuted: true,
    ...(rotate ? { rotate } : {}),
  });
  const inputDepth = columnLabelDepth(inputTokens, cell, fontSize);
  const targetDepth = columnLabelDepth(targetTokens, cell, fontSize);
  const encoderBottom = encoderPanel.y + encoderPanel.height;
  const decoderBottom = decoderPanel.y + decoderPanel.height;
  const words = figureText(options.language).triptych;
  const labels: Label[] = [
    panelTitle(crossPanel.x, topY - 10, words.cross),
    panelTitle(decoderPanel.x, topY - 10, words.decoder),
    panelTitle(encoderPanel.x, encoderPanel.y - 10, words.encoder),
    ...rowLabels(targetTokens, left, topY, cell),
    ...rowLabels(inputTokens, left, encoderPanel.y, cell),
    ...columnLabels(inputTokens, left, encoderBottom, cell, 'bottom'),
    ...columnLabels(targetTokens, decoderPanel.x, decoderBottom, cell, 'bottom'),
    group(pad + groupFont, topY + crossPanel.height / 2, words.targetQueries, -90),
    group(pad + groupFont, encoderPanel.y + encoderPanel.height / 2, words.inputQueries, -90),
    group(left + encoderPanel.width / 2, encoderBottom + inputDepth + 16, words.inputKeys),
    group(decoderPanel.x + decoderPanel.width / 2, decoderBottom + targetDepth + 16, words.targetKeys),
  ];
  const domain = resolveDomain(
    options.domain,
    panels.map(({ panel }) => panel),
  );
  const legendY = Math.max(encoderPanel.y, decoderBottom + targetDepth + 40);
  const legend = legendLayout(chartLegend(options, domain), decoderPanel.x, legendY, 120, true);
  // A short target makes the decoder triangle narrower than its title: the figure widens to the title's end.
  const decoderTitleEnd = decoderPanel.x + textWidth(words.decoder, 13);
  const right = Math.max(decoderPanel.x + decoderPanel.width, legend.x + legend.width, decoderTitleEnd);
  const bottom = Math.max(encoderBottom + inputDepth + 20, legend.y + legend.height);
  return {
    ...frameSize({ right, bottom }, title, options.caption, options.language),
    theme,
    colormap,
    domain,
    idPrefix: options.idPrefix ?? 'al',
    ...(title ? { title } : {}),
    labels,
    legend,
    panels,
    showValues: options.showValues ?? hasRoomForValues(cell, cell),
  };
}

/** Writes the triptych as a standalone SVG document. */
export function triptychSvg(layout: TriptychLayout): string {
  const { theme, colormap, domain, showValues } = layout;
  const style = { colormap, domain, theme, maskPatternId: maskPatternId(layout), showValues };
  const stroke = themeColors(theme).gridline;
  return figureSvg(
    layout,
    layout.panels.map(({ panel }) => cellsSvg(panel, style) + panelOutline(panel, stroke)),
  );
}
