/**
 * How animation frames look: sizes in CSS pixels chosen for a classroom projector (tokens at 22 px, narration
 * at 22 px on a 1280-pixel-wide frame), and the colour of each token role — the Okabe–Ito hues the charts use
 * (safe for the common colour-vision deficiencies), light fills with strong outlines so text stays readable.
 */
import { chartFontFamily } from '../charts/svg';
import type { TokenRole } from './frame';

/** Sizes of every part of a frame. */
export const sizes = {
  width: 1280,
  margin: 36,
  titleFont: 28,
  narrationFont: 22,
  narrationLine: 31,
  noteFont: 17,
  noteLine: 24,
  labelFont: 16,
  labelWidth: 150,
  tokenFont: 22,
  boxHeight: 46,
  boxPadding: 14,
  boxMinWidth: 50,
  boxMaxWidth: 300,
  boxGap: 10,
  captionFont: 15,
  captionSpace: 22,
  weightSpace: 20,
  arcSpace: 70,
  rowGap: 34,
  lineGap: 26,
  blockGap: 56,
  footerFont: 15,
  glyphSize: 112,
  cardWidth: 262,
  cardRow: 27,
  cardFont: 17,
} as const;

/** The font of every frame (the charts' font stack). */
export const fontFamily = chartFontFamily;

/** Fill, outline and text colour of a token box. */
export interface RoleStyle {
  fill: string;
  stroke: string;
  text: string;
  /** Dashed outline (words outside the vocabulary). */
  dashed?: boolean;
  bold?: boolean;
}

/** The look of each role on the light page (the default, and every export's). */
export const roleStyles: Record<TokenRole, RoleStyle> = {
  plain: { fill: '#ffffff', stroke: '#8c959f', text: '#1f2328' },
  unknown: { fill: '#eef1f4', stroke: '#6e7781', text: '#57606a', dashed: true },
  special: { fill: '#dde3ea', stroke: '#57606a', text: '#24292f', bold: true },
  sentinel: { fill: '#f7dcec', stroke: '#a8417a', text: '#6f1d4b', bold: true },
  chosen: { fill: '#ffe9b3', stroke: '#c98500', text: '#4d3300' },
  mask: { fill: '#d55e00', stroke: '#9c4100', text: '#ffffff', bold: true },
  random: { fill: '#cfe8fa', stroke: '#0072b2', text: '#003d63', bold: true },
  keep: { fill: '#c8eedd', stroke: '#009e73', text: '#00513a', bold: true },
  target: { fill: '#fff6c8', stroke: '#1f2328', text: '#1f2328', bold: true },
  generated: { fill: '#d5f5dc', stroke: '#1a7f37', text: '#0f4d21', bold: true },
};

/** Colours outside the token boxes, on the light page (the default, and every export's). */
export const palette = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  rule: '#d1d9e0',
  highlight: '#1f2328',
  note: '#8a4b00',
  noteFill: '#fff4e0',
  arrow: '#6e7781',
  /** Self-attention (encoder and causal) lines, and the cross-attention lines. */
  selfAttention: '#0072b2',
  crossAttention: '#009e73',
  bar: '#0072b2',
  truth: '#1a7f37',
  /** The lines between the cells of a mask glyph, and the ground of a guesses card. */
  glyphGap: '#ffffff',
  cardFill: '#f6f8fa',
} as const;

/** The colours outside the token boxes of one theme (the shape of {@link palette}). */
export type AnimationPalette = { readonly [K in keyof typeof palette]: string };
