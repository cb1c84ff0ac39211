/**
 * One walkthrough step as a 16:9 slide (an SVG document, 1600 × 900): the step's title and counter ("3 / 18"),
 * its figure scaled into the middle, and its narration as the caption below — or, for a text step, the
 * narration in large type. Pure: the engine supplies each figure (attention, animation frame, prompting) and
 * rasterises the result for `attention-lab walkthrough`.
 */
import type { ThemeName } from '../charts/color';
import { themeColors } from '../charts/color';
import { element, formatNumber, svgDocument, textElement, wrapText, fitText } from '../charts/svg';
import type { WalkthroughLanguage, WalkthroughStep } from './schema';

/** The slide's size in CSS pixels (16:9). */
export const slideSize = { width: 1600, height: 900 } as const;

/** A finished figure: an SVG document and its size (as attentionFigure and renderFrameSvg return). */
export interface SlideFigure {
  svg: string;
  width: number;
  height: number;
}

/** Where the step sits and what it shows. */
export interface SlideOptions {
  /** 0-based position of the step. */
  index: number;
  total: number;
  language: WalkthroughLanguage;
  /** The step's live view, drawn for the slide (none for a text step). */
  figure?: SlideFigure;
  theme?: ThemeName;
}

const margin = 48;
const titleFont = 40;
const top = 130; // below the title and the focus line
/** Figures are enlarged at most this much (a 5-token heatmap would otherwise fill the wall). */
const maxZoom = 1.6;
/** Wrapping leaves this share of the width free: label widths are estimated, not measured. */
const wrapSlack = 0.95;
const captionStyles = [
  { font: 26, line: 36, lines: 5 },
  { font: 22, line: 31, lines: 6 },
];
const textStyles = [
  { font: 36, line: 52, lines: 11 },
  { font: 30, line: 43, lines: 14 },
];

/** The words that point at a focused token ("Look at the row of “love”."). */
const focusWords: Record<WalkthroughLanguage, (word: string) => string> = {
  en: (word) => `Look at the row of “${word}”.`,
  id: (word) => `Lihat baris “${word}”.`,
};

/** `text` wrapped to `width` in the first style whose lines fit, the last style cut with an ellipsis. */
function wrapToFit(
  text: string,
  width: number,
  styles: readonly { font: number; line: number; lines: number }[],
): { lines: string[]; font: number; line: number } {
  for (const style of styles) {
    const lines = wrapText(text, style.font, width);
    if (lines.length <= style.lines) return { lines, font: style.font, line: style.line };
  }
  const last = styles.at(-1) ?? { font: 22, line: 31, lines: 6 };
  const lines = wrapText(text, last.font, width).slice(0, last.lines);
  lines[lines.length - 1] = fitText(`${lines.at(-1) ?? ''}…`, last.font, width);
  return { lines, font: last.font, line: last.line };
}

/** `figure`'s drawing as a nested `<svg>` scaled (keeping its proportions) and centred in the box. */
export function embedFigure(
  figure: SlideFigure,
  box: { x: number; y: number; width: number; height: number },
): string {
  const zoom = Math.min(box.width / figure.width, box.height / figure.height, maxZoom);
  const width = figure.width * zoom;
  const height = figure.height * zoom;
  const root = /<svg\b([^>]*)>/.exec(figure.svg);
  const end = figure.svg.lastIndexOf('</svg>');
  if (!root || end < 0) throw new Error('The figure is not an SVG document');
  const font = /\sfont-family="([^"]*)"/.exec(root[1] ?? '')?.[1];
  const body = figure.svg.slice(root.index + root[0].length, end);
  const attrs = [
    `x="${formatNumber(box.x + (box.width - width) / 2)}"`,
    `y="${formatNumber(box.y + (box.height - height) / 2)}"`,
    `width="${formatNumber(width)}"`,
    `height="${formatNumber(height)}"`,
    `viewBox="0 0 ${formatNumber(figure.width)} ${formatNumber(figure.height)}"`,
    font === undefined ? '' : `font-family="${font}"`,
  ].filter(Boolean);
  return `<svg ${attrs.join(' ')}>${body}</svg>`;
}

/** Lines of text at `x`, the first baseline at `y`. */
function textLines(
  lines: readonly string[],
  at: { x: number; y: number; font: number; line: number; fill: string; anchor?: string },
): string[] {
  return lines.map((line, i) =>
    textElement(line, {
      x: at.x,
      y: at.y + i * at.line,
      'font-size': at.font,
      fill: at.fill,
      'text-anchor': at.anchor,
    }),
  );
}

/** The slide of `step` as an SVG document of {@link slideSize}. */
export function slideSvg(step: WalkthroughStep, options: SlideOptions): string {
  const { width, height } = slideSize;
  const { language } = options;
  const colors = themeColors(options.theme ?? 'light');
  const inner = width - 2 * margin;
  const title = step.title[language];
  const narration = step.narration[language];
  const counter = `${options.index + 1} / ${options.total}`;
  const parts = [
    textElement(fitText(title, titleFont, inner - 160), {
      x: margin,
      y: 76,
      'font-size': titleFont,
      'font-weight': 'bold',
      fill: colors.text,
    }),
    textElement(counter, {
      x: width - margin,
      y: 76,
      'font-size': 26,
      fill: colors.mutedText,
      'text-anchor': 'end',
    }),
  ];
  if (step.kind === 'attention' && step.focus !== undefined) {
    parts.push(
      textElement(focusWords[language](step.focus), {
        x: margin,
        y: 114,
        'font-size': 24,
        fill: colors.focus,
      }),
    );
  }
  if (!options.figure) {
    const text = wrapToFit(narration, (inner - 100) * wrapSlack, textStyles);
    const blockHeight = text.lines.length * text.line;
    const first = top + (height - top - margin - blockHeight) / 2 + text.font * 0.8;
    parts.push(...textLines(text.lines, { x: margin + 50, y: first, ...text, fill: colors.text }));
  } else {
    const caption = wrapToFit(narration, inner * wrapSlack, captionStyles);
    const captionTop = height - margin - caption.lines.length * caption.line;
    parts.push(
      embedFigure(options.figure, { x: margin, y: top, width: inner, height: captionTop - 24 - top }),
      element('line', {
        x1: margin,
        y1: captionTop - 12,
        x2: width - margin,
        y2: captionTop - 12,
        stroke: colors.gridline,
        'stroke-width': 2,
      }),
      ...textLines(caption.lines, {
        x: margin,
        y: captionTop + caption.font * 0.8,
        ...caption,
        fill: colors.text,
      }),
    );
  }
  return svgDocument({ width, height, background: colors.background, title }, parts);
}

/** The file name of step `index` (0-based) of `total`: "01-why-pretraining.png". */
export function slideFileName(
  step: WalkthroughStep,
  index: number,
  total: number,
  extension = 'png',
): string {
  const digits = Math.max(2, String(total).length);
  return `${String(index + 1).padStart(digits, '0')}-${step.id}.${extension}`;
}
