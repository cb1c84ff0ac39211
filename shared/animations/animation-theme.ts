/**
 * The animation frames in the app's theme: the light look of style.ts (the default, and what every export
 * draws), a dark one for the dark page and a high-contrast one (white on black, for presenting in class).
 * Each role keeps its hue (masked orange, replaced blue, kept green, sentinel pink, target yellow), so the
 * story reads the same in every theme; text meets WCAG AA (4.5:1) on dark and 7:1 in high contrast.
 */
import type { MaskedStyle, ThemeName } from '../charts/color';
import { maskedStyle } from '../charts/color';
import type { TokenRole } from './frame';
import type { AnimationPalette, RoleStyle } from './style';
import { palette, roleStyles } from './style';

/** Every colour a frame is drawn with in one theme. */
export interface AnimationLook {
  palette: AnimationPalette;
  roles: Record<TokenRole, RoleStyle>;
  /** The hatch of masked keys and glyph cells (the charts' masked style of the same theme). */
  masked: MaskedStyle;
}

const darkRoles: Record<TokenRole, RoleStyle> = {
  plain: { fill: '#1f242c', stroke: '#8b949e', text: '#e6edf3' },
  unknown: { fill: '#181c22', stroke: '#8b949e', text: '#b1bac4', dashed: true },
  special: { fill: '#2d333b', stroke: '#adbac7', text: '#f0f6fc', bold: true },
  sentinel: { fill: '#3b1a2e', stroke: '#e58fc0', text: '#f7c6e2', bold: true },
  chosen: { fill: '#3a2900', stroke: '#e69f00', text: '#ffd27a' },
  mask: { fill: '#e8731a', stroke: '#ffa366', text: '#000000', bold: true },
  random: { fill: '#0b2a3f', stroke: '#56b4e9', text: '#a5d8f5', bold: true },
  keep: { fill: '#0b3326', stroke: '#2fc594', text: '#8ee6c4', bold: true },
  target: { fill: '#3a3610', stroke: '#f0f6fc', text: '#fff3a0', bold: true },
  generated: { fill: '#11301b', stroke: '#3fb950', text: '#a2f0b5', bold: true },
};

const darkPalette: AnimationPalette = {
  background: '#15181d',
  text: '#e6edf3',
  muted: '#9aa5b1',
  rule: '#3d444d',
  highlight: '#e6edf3',
  note: '#f0b85a',
  noteFill: '#2e2210',
  arrow: '#8b949e',
  selfAttention: '#56b4e9',
  crossAttention: '#2fc594',
  bar: '#56b4e9',
  truth: '#3fb950',
  glyphGap: '#15181d',
  cardFill: '#1c2128',
};

// High contrast: black boxes with bright outlines and text; the masked token is the one filled box.
const contrastRoles: Record<TokenRole, RoleStyle> = {
  plain: { fill: '#000000', stroke: '#ffffff', text: '#ffffff' },
  unknown: { fill: '#000000', stroke: '#ffffff', text: '#ffffff', dashed: true },
  special: { fill: '#2b2b2b', stroke: '#ffffff', text: '#ffffff', bold: true },
  sentinel: { fill: '#000000', stroke: '#ff8fd0', text: '#ffb8e2', bold: true },
  chosen: { fill: '#3a2900', stroke: '#ffb000', text: '#ffd27a' },
  mask: { fill: '#ff8c1a', stroke: '#ff8c1a', text: '#000000', bold: true },
  random: { fill: '#000000', stroke: '#56b4e9', text: '#a5dcff', bold: true },
  keep: { fill: '#000000', stroke: '#33d6a0', text: '#8cf0cc', bold: true },
  target: { fill: '#000000', stroke: '#ffd400', text: '#ffd400', bold: true },
  generated: { fill: '#000000', stroke: '#5ee07f', text: '#a6f5b9', bold: true },
};

const contrastPalette: AnimationPalette = {
  background: '#000000',
  text: '#ffffff',
  muted: '#ffffff',
  rule: '#ffffff',
  highlight: '#ffffff',
  note: '#ffd400',
  noteFill: '#000000',
  arrow: '#ffffff',
  selfAttention: '#56b4e9',
  crossAttention: '#33d6a0',
  bar: '#56b4e9',
  truth: '#5ee07f',
  glyphGap: '#000000',
  cardFill: '#000000',
};

/** The colours of `theme` (`light` is exactly the look of style.ts). */
export function animationLook(theme: ThemeName = 'light'): AnimationLook {
  const masked = maskedStyle(theme);
  // Hatched over a token box the charts' dark hatch fades out: lighter lines keep masked keys visible.
  if (theme === 'dark')
    return { palette: darkPalette, roles: darkRoles, masked: { ...masked, hatch: '#8c8c8c' } };
  if (theme === 'contrast') return { palette: contrastPalette, roles: contrastRoles, masked };
  return { palette, roles: roleStyles, masked };
}
