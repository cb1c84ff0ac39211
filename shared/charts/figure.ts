/**
 * What every chart figure shares: the common options, the colour domain, the title, the frame (size, legend,
 * caption placement) and the SVG document around a chart's own marks.
 */
import type { AttentionMask } from '../attention/masks';
import type { ColorDomain, ColormapName, ThemeName } from './color';
import type { LegendModel } from './color';
import { legendModel, maskLegendModel, maskedStyle, themeColors } from './color';
import type { Label } from './labels';
import { labelsSvg } from './labels';
import type { LegendLayout } from './legend';
import { legendSvg } from './legend';
import type { Language } from './figure-text';
import { figureText } from './figure-text';
import type { AttentionMatrix } from './matrix';
import { maxWeight } from './matrix';
import type { CaptionInfo } from './svg';
import {
  captionHeight,
  captionLines,
  captionSvg,
  element,
  hatchPattern,
  svgDocument,
  textWidth,
} from './svg';

/** Options every chart takes; each has a sensible default. */
export interface ChartOptions {
  colormap?: ColormapName;
  theme?: ThemeName;
  /** Weights at the ends of the scale; `auto` = 0 to the largest allowed weight. Default [0, 1]. */
  domain?: ColorDomain | 'auto';
  title?: string;
  caption?: CaptionInfo;
  /** Prefix for the ids of patterns and gradients (when several SVGs share one HTML page). */
  idPrefix?: string;
  /** `mask` draws a mask pattern: an "allowed" swatch replaces the gradient. Default `gradient`. */
  legendKind?: 'gradient' | 'mask';
  /** Language of every word the figure draws (default English). */
  language?: Language;
}

/** The parts of a laid-out figure outside the chart's own marks. */
export interface FigureFrame {
  width: number;
  height: number;
  theme: ThemeName;
  colormap: ColormapName;
  domain: ColorDomain;
  idPrefix: string;
  title?: Label;
  /** Token labels, headers and axis titles. */
  labels: Label[];
  legend?: LegendLayout;
  caption?: { info: CaptionInfo; x: number; y: number; width: number; language: Language };
}

/** Outer padding of every figure. */
export const figurePadding = 24;
const titleFont = 18;
/** Narrowest figure that carries a caption (so the caption's lines fit). */
const captionedMinWidth = 520;

/** The colour domain an option asks for. */
export function resolveDomain(
  domain: ColorDomain | 'auto' | undefined,
  matrices: readonly { matrix: AttentionMatrix; mask?: AttentionMask }[],
): ColorDomain {
  if (domain === undefined) return [0, 1];
  if (domain !== 'auto') return domain;
  const max = Math.max(0, ...matrices.map(({ matrix, mask }) => maxWeight(matrix, mask)));
  return [0, max > 0 ? max : 1];
}

/** The legend a chart's options ask for, in the options' language. */
export function chartLegend(options: ChartOptions, domain: ColorDomain): LegendModel {
  const colormap = options.colormap ?? 'viridis';
  const theme = options.theme ?? 'light';
  const words = figureText(options.language).legend;
  return options.legendKind === 'mask'
    ? maskLegendModel(colormap, theme, words)
    : legendModel(colormap, domain, theme, { title: words.weight, masked: words.masked });
}

/** The title label at the top-left, and where the content below it starts. */
export function titleBlock(title: string | undefined): { title?: Label; top: number } {
  const pad = figurePadding;
  if (!title) return { top: pad };
  return {
    title: { x: pad, y: pad + titleFont, text: title, fontSize: titleFont, anchor: 'start', isBold: true },
    top: pad + titleFont + 14,
  };
}

/**
 * Size of a figure whose content reaches `right` and `bottom`, with the caption (its labels in `language`)
 * placed below the content.
 */
export function frameSize(
  content: { right: number; bottom: number },
  title: Label | undefined,
  caption: CaptionInfo | undefined,
  language: Language = 'en',
): Pick<FigureFrame, 'width' | 'height' | 'caption'> {
  const pad = figurePadding;
  let width = Math.max(content.right, title ? pad + textWidth(title.text, titleFont) : 0) + pad;
  if (!caption || captionLines(caption).length === 0) {
    return { width: Math.ceil(width), height: Math.ceil(content.bottom + pad) };
  }
  width = Math.ceil(Math.max(width, captionedMinWidth));
  const placed = { info: caption, x: pad, y: content.bottom + 20, width: width - 2 * pad, language };
  const height = placed.y + captionHeight(caption, placed.width, language) + pad;
  return { width, height: Math.ceil(height), caption: placed };
}

/** Id of the masked-cell hatch pattern of a figure. */
export function maskPatternId(frame: Pick<FigureFrame, 'idPrefix'>): string {
  return `${frame.idPrefix}-masked`;
}

/** The whole SVG document: defs, title, labels, the chart's marks, legend and caption. */
export function figureSvg(frame: FigureFrame, marks: readonly string[]): string {
  const { theme, caption } = frame;
  const patternId = maskPatternId(frame);
  const body = [
    element('defs', {}, hatchPattern(patternId, maskedStyle(theme))),
    frame.title ? labelsSvg([frame.title], theme) : '',
    labelsSvg(frame.labels, theme),
    ...marks,
    frame.legend
      ? legendSvg(frame.legend, { gradientId: `${frame.idPrefix}-scale`, maskPatternId: patternId }, theme)
      : '',
    caption ? captionSvg(caption.info, caption.x, caption.y, caption.width, theme, caption.language) : '',
  ];
  const size = { width: frame.width, height: frame.height, background: themeColors(theme).background };
  return svgDocument(frame.title ? { ...size, title: frame.title.text } : size, body);
}
