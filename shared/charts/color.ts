/**
 * Colour for every attention chart: perceptually uniform, colour-blind-safe scales (viridis, cividis, magma)
 * quantised to a 256-entry lookup table that the SVG export and the canvas painter share, the legend model, the
 * hatched grey of masked cells (far from the low end of every scale, so "masked" never reads as "little
 * weight"), a categorical palette for heads, and the light, dark and high-contrast theme colours.
 */
import { interpolateCividis, interpolateMagma, interpolateViridis } from 'd3-scale-chromatic';
import type { Rgb } from './color-math';
import { parseColor, toHex } from './color-math';

/** The scales the lab offers. */
export const colormapNames = ['viridis', 'cividis', 'magma'] as const;
/** One of {@link colormapNames}. */
export type ColormapName = (typeof colormapNames)[number];

/** Light or dark chart colours, or `contrast`: white on black with a yellow focus (presenting in class). */
export type ThemeName = 'light' | 'dark' | 'contrast';

/** The weights mapped to the two ends of the scale. */
export type ColorDomain = readonly [low: number, high: number];

const interpolators: Record<ColormapName, (t: number) => string> = {
  viridis: interpolateViridis,
  cividis: interpolateCividis,
  magma: interpolateMagma,
};

/** Entries in every lookup table. */
export const lutSize = 256;

const lutCache = new Map<ColormapName, Uint8ClampedArray>();

/** The scale sampled at 256 points: entry i is RGB bytes `[3i, 3i + 1, 3i + 2]` for t = i / 255. */
export function colormapLut(name: ColormapName): Uint8ClampedArray {
  let lut = lutCache.get(name);
  if (!lut) {
    lut = new Uint8ClampedArray(lutSize * 3);
    for (let i = 0; i < lutSize; i++) lut.set(parseColor(interpolators[name](i / (lutSize - 1))), i * 3);
    lutCache.set(name, lut);
  }
  return lut;
}

/** The lookup-table entry of `value` within `domain` (clamped; NaN maps to the low end). */
export function lutIndex(value: number, domain: ColorDomain): number {
  const [low, high] = domain;
  const t = high > low ? (value - low) / (high - low) : 0;
  if (!(t > 0)) return 0;
  return t >= 1 ? lutSize - 1 : Math.round(t * (lutSize - 1));
}

/** Entry `index` of a scale as RGB. */
export function lutColor(name: ColormapName, index: number): Rgb {
  const lut = colormapLut(name);
  return [lut[index * 3] ?? 0, lut[index * 3 + 1] ?? 0, lut[index * 3 + 2] ?? 0];
}

/** The colour of `value` as `#rrggbb` — exactly the colour the canvas painter writes. */
export function weightColor(name: ColormapName, value: number, domain: ColorDomain): string {
  return toHex(lutColor(name, lutIndex(value, domain)));
}

/** How masked cells look: a neutral grey with diagonal hatch lines. */
export interface MaskedStyle {
  fill: string;
  hatch: string;
  /** Distance between hatch lines and their width, in CSS pixels. */
  spacing: number;
  lineWidth: number;
}

const maskedStyles: Record<ThemeName, MaskedStyle> = {
  light: { fill: '#d4d4d4', hatch: '#b0b0b0', spacing: 6, lineWidth: 2 },
  dark: { fill: '#3a3a3a', hatch: '#5c5c5c', spacing: 6, lineWidth: 2 },
  // On black the dark theme's hatch would vanish: light lines on the same grey keep masked cells visible.
  contrast: { fill: '#3a3a3a', hatch: '#a6a6a6', spacing: 6, lineWidth: 2 },
};

/** The masked-cell style of a theme (checked in tests to stay far from every scale's low end). */
export function maskedStyle(theme: ThemeName): MaskedStyle {
  return { ...maskedStyles[theme] };
}

/** Text, lines and background of a theme. */
export interface ThemeColors {
  background: string;
  text: string;
  mutedText: string;
  gridline: string;
  /** Outline of the focused or hovered cell. */
  focus: string;
}

const themes: Record<ThemeName, ThemeColors> = {
  light: {
    background: '#ffffff',
    text: '#1f2328',
    mutedText: '#59636e',
    gridline: '#d1d9e0',
    focus: '#cf222e',
  },
  dark: {
    background: '#15181d',
    text: '#e6edf3',
    mutedText: '#9aa5b1',
    gridline: '#3d444d',
    focus: '#ff7b72',
  },
  // High contrast: nothing muted, white lines, the presenter's yellow focus.
  contrast: {
    background: '#000000',
    text: '#ffffff',
    mutedText: '#ffffff',
    gridline: '#ffffff',
    focus: '#ffd400',
  },
};

/** The colours of a theme. */
export function themeColors(theme: ThemeName): ThemeColors {
  return { ...themes[theme] };
}

/**
 * One colour per head: the Okabe–Ito palette (safe for the common colour-vision deficiencies) without black,
 * strongest first. Heads past the seventh repeat a colour with a dashed line (see {@link headDash}).
 */
export const headPalette: readonly string[] = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
];

/** The colour of head `head`. */
export function headColor(head: number): string {
  return headPalette[head % headPalette.length] ?? '#0072b2';
}

/** A dash pattern that tells apart heads sharing a colour (empty for the first seven). */
export function headDash(head: number): string {
  const round = Math.floor(head / headPalette.length);
  return round === 0 ? '' : round === 1 ? '6 3' : '2 3';
}

/** One labelled tick of the legend. */
export interface LegendTick {
  value: number;
  /** Position along the bar, 0 (low end) to 1 (high end). */
  t: number;
  label: string;
}

/** What a legend shows: the gradient, its ticks and the masked swatch (or, for a mask, two swatches). */
export interface LegendModel {
  /** `gradient` for weights; `mask` for a mask pattern (an "allowed" swatch instead of the gradient). */
  kind: 'gradient' | 'mask';
  colormap: ColormapName;
  domain: ColorDomain;
  /** Gradient stops (offset 0–1, colour) sampled from the lookup table. */
  stops: { offset: number; color: string }[];
  ticks: LegendTick[];
  title: string;
  masked: MaskedStyle & { label: string };
  /** The colour of allowed cells in a mask view. */
  allowed?: { color: string; label: string };
}

/** Builds the legend of a scale over `domain` (5 ticks; decimals chosen from the domain's size). */
export function legendModel(
  colormap: ColormapName,
  domain: ColorDomain,
  theme: ThemeName,
  labels: { title?: string; masked?: string } = {},
): LegendModel {
  const [low, high] = domain;
  const stopCount = 16;
  const stops = Array.from({ length: stopCount + 1 }, (_, i) => ({
    offset: i / stopCount,
    color: toHex(lutColor(colormap, Math.round((i / stopCount) * (lutSize - 1)))),
  }));
  const span = high - low;
  const decimals = span >= 0.5 ? 2 : span >= 0.05 ? 3 : 4;
  const ticks = Array.from({ length: 5 }, (_, i) => {
    const value = low + (span * i) / 4;
    return { value, t: i / 4, label: Number(value.toFixed(decimals)).toString() };
  });
  return {
    kind: 'gradient',
    colormap,
    domain,
    stops,
    ticks,
    title: labels.title ?? 'attention weight',
    masked: { ...maskedStyle(theme), label: labels.masked ?? 'masked (not allowed)' },
  };
}

/** Where on the scale allowed cells of a mask view sit (a mid-high colour, far from the masked grey). */
export const maskAllowedLevel = 0.7;

/** The legend of a mask view: an "allowed" swatch in the scale's colour and the masked swatch. */
export function maskLegendModel(
  colormap: ColormapName,
  theme: ThemeName,
  labels: { mask?: string; allowed?: string; masked?: string } = {},
): LegendModel {
  const color = toHex(lutColor(colormap, Math.round(maskAllowedLevel * (lutSize - 1))));
  const title = labels.mask ?? 'attention mask';
  return {
    ...legendModel(colormap, [0, 1], theme, { title, ...(labels.masked ? { masked: labels.masked } : {}) }),
    kind: 'mask',
    allowed: { color, label: labels.allowed ?? 'allowed (may attend)' },
  };
}
