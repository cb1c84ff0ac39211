/**
 * A tiny SVG string builder: elements with escaped text and attributes (tokens such as `<X>`, `&` and quotes
 * are common in attention labels), the document wrapper, a hatch pattern, label widths estimated without a DOM,
 * and the caption block every exported figure carries.
 */
import type { ThemeName } from './color';
import { themeColors } from './color';
import type { Language } from './figure-text';
import { figureText } from './figure-text';

/** Fonts installed with the lab's Linux builds first, then what macOS and Windows have. */
export const chartFontFamily = "'DejaVu Sans', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** A number for an attribute: at most 2 decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '0';
}

/** Attribute values; `undefined` and `false` leave the attribute out. */
export type Attributes = Record<string, string | number | boolean | undefined>;

function attributes(attrs: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    const text = typeof value === 'number' ? formatNumber(value) : value === true ? name : value;
    out += ` ${name}="${escapeXml(text)}"`;
  }
  return out;
}

/** An element with already-serialised children (self-closing when there are none). */
export function element(
  name: string,
  attrs: Attributes = {},
  children: string | readonly string[] = '',
): string {
  const body = typeof children === 'string' ? children : children.join('');
  return body === '' ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${body}</${name}>`;
}

/** A `<text>` element whose content is escaped. */
export function textElement(content: string, attrs: Attributes = {}): string {
  return `<text${attributes(attrs)}>${escapeXml(content)}</text>`;
}

/** The root `<svg>` with its size, a background and the chart font. */
export function svgDocument(
  size: { width: number; height: number; background: string; title?: string },
  body: readonly string[],
): string {
  const { width, height, background, title } = size;
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${formatNumber(width)} ${formatNumber(height)}`,
      'font-family': chartFontFamily,
      role: 'img',
    },
    [
      title ? element('title', {}, escapeXml(title)) : '',
      element('rect', { width, height, fill: background }),
      ...body,
    ],
  );
}

/** A `<pattern>` of diagonal lines over a fill, for masked cells. */
export function hatchPattern(
  id: string,
  style: { fill: string; hatch: string; spacing: number; lineWidth: number },
): string {
  const { fill, hatch, spacing, lineWidth } = style;
  return element(
    'pattern',
    { id, patternUnits: 'userSpaceOnUse', width: spacing, height: spacing, patternTransform: 'rotate(45)' },
    [
      element('rect', { width: spacing, height: spacing, fill }),
      element('line', { x1: 0, y1: 0, x2: 0, y2: spacing, stroke: hatch, 'stroke-width': lineWidth }),
    ],
  );
}

/** Approximate advance width of a character in em for DejaVu/Noto Sans-like fonts. */
function charWidth(c: string): number {
  if (' '.includes(c)) return 0.32;
  if ("ilj.,:;'|!`".includes(c)) return 0.3;
  if ('frt()[]{}"-/\\'.includes(c)) return 0.42;
  if ('mw'.includes(c)) return 0.92;
  if ('MW'.includes(c)) return 0.96;
  if (/[A-Z<>=+~@%#&]/.test(c)) return 0.72;
  if (/[0-9a-z_?*^$]/.test(c)) return 0.62;
  return c.charCodeAt(0) > 0x2e80 ? 1 : 0.66; // CJK is full width
}

/** Estimated width in pixels of `text` at `fontSize` (slightly generous, so labels never collide). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += charWidth(c);
  return em * fontSize;
}

/** `text` shortened with an ellipsis to fit `maxWidth` pixels. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

/** What a figure's caption records. */
export interface CaptionInfo {
  model?: string;
  checkpoint?: string;
  layer?: number | string;
  head?: number | string;
  text?: string;
  target?: string;
  /** ISO date (YYYY-MM-DD) or any date text. */
  date?: string;
  /** Something the reader must know, e.g. that the text was cut to fit the context. */
  notice?: string;
}

/**
 * The caption as lines: "Model … · Checkpoint … · Layer … · Head …", then the text (and target), the date and
 * any notice — labelled in `language`.
 */
export function captionLines(info: CaptionInfo, language: Language = 'en'): string[] {
  const label = figureText(language).caption;
  const facts = [
    info.model !== undefined ? `${label.model}: ${info.model}` : '',
    info.checkpoint !== undefined ? `${label.checkpoint}: ${info.checkpoint}` : '',
    info.layer !== undefined ? `${label.layer}: ${info.layer}` : '',
    info.head !== undefined ? `${label.head}: ${info.head}` : '',
  ].filter(Boolean);
  const lines = facts.length > 0 ? [facts.join('  ·  ')] : [];
  if (info.text !== undefined) lines.push(`${label.text}: “${info.text}”`);
  if (info.target !== undefined) lines.push(`${label.target}: “${info.target}”`);
  if (info.date !== undefined) lines.push(`${label.date}: ${info.date}`);
  if (info.notice !== undefined) lines.push(`${label.note}: ${info.notice}`);
  return lines;
}

/** Font size and line height of caption text. */
export const captionFont = { size: 13, lineHeight: 19 };

/** `text` broken at spaces into lines of at most `maxWidth` pixels (a word too long alone is cut). */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines.map((l) => fitText(l, fontSize, maxWidth));
}

/** The caption's lines wrapped to `width` pixels (long texts keep their first three lines). */
export function wrappedCaption(info: CaptionInfo, width: number, language: Language = 'en'): string[] {
  return captionLines(info, language).flatMap((line) => {
    const wrapped = wrapText(line, captionFont.size, width);
    return wrapped.length > 3
      ? [...wrapped.slice(0, 2), fitText(`${wrapped[2]} ${wrapped[3]}`, captionFont.size, width)]
      : wrapped;
  });
}

/** Height in pixels of the caption block for `info` at `width` (0 without any line). */
export function captionHeight(
  info: CaptionInfo | undefined,
  width: number,
  language: Language = 'en',
): number {
  const count = info ? wrappedCaption(info, width, language).length : 0;
  return count === 0 ? 0 : 12 + count * captionFont.lineHeight;
}

/** The caption block: a rule, then small muted text, wrapped to `width`. */
export function captionSvg(
  info: CaptionInfo,
  x: number,
  y: number,
  width: number,
  theme: ThemeName,
  language: Language = 'en',
): string {
  const colors = themeColors(theme);
  const lines = wrappedCaption(info, width, language);
  if (lines.length === 0) return '';
  const parts = [element('line', { x1: x, y1: y, x2: x + width, y2: y, stroke: colors.gridline })];
  lines.forEach((line, i) =>
    parts.push(
      textElement(line, {
        x,
        y: y + 12 + (i + 0.75) * captionFont.lineHeight,
        'font-size': captionFont.size,
        fill: colors.mutedText,
      }),
    ),
  );
  return element('g', { class: 'caption' }, parts);
}
